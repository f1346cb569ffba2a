/** Loads something for a page, with loading and error states and a retry. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api';
import { i18n } from '../../i18n/i18n';

export interface Loaded<T> {
  data: T | null;
  /** What went wrong, in words; null when nothing did. */
  error: string | null;
  /** What went wrong, as thrown (an ApiError says its status). */
  failure: unknown;
  loading: boolean;
  /** Loads again. What was shown stays until the new answer comes (no flash of the loading bar). */
  reload: () => void;
  /** Replaces what was loaded, e.g. with the answer to a change. */
  setData: (data: T) => void;
}

/** What an error from the API (or the network) says to a reader. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 401) return i18n.t('common:errors.sessionEnded');
    // The client's own words for the code come first (in the reader's language); else the server names what
    // was wrong with each field, which reads better than "body.email: …".
    if (e.translated) return e.message;
    if (e.issues.length > 0) return e.issues.map((i) => sentence(i.message)).join(' ');
    return sentence(e.message);
  }
  if (e instanceof TypeError) return i18n.t('common:errors.unreachable');
  return e instanceof Error ? e.message : String(e);
}

/** "no trainee account" → "No trainee account." */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  return `${t[0]!.toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}

/**
 * Calls `load` when `key` changes (null: load nothing). A new key clears what was shown; a reload
 * keeps it until the answer comes.
 */
export function useLoad<T>(load: () => Promise<T>, key: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [loading, setLoading] = useState(key !== null);
  const [round, setRound] = useState(0);
  const shownKey = useRef<string | null>(null);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    if (shownKey.current !== key) setData(null);
    shownKey.current = key;
    setFailure(null);
    setLoading(true);
    load().then(
      (answer) => {
        if (!live) return;
        setData(answer);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setFailure(e ?? new Error('Unknown error'));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // `load` is this render's; it changes every render, so the key says when to load again.
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const error = failure === null ? null : errorMessage(failure);
  return { data, error, failure, loading, reload, setData };
}
