/** The HTTP side of live sessions: start one, list them, join with a code, read a session's record. */
import type { DrillKind } from '../../domain/drill';
import type { CreatedSession, JoinedSession, LiveRecord, LiveSessionSummary } from '../../domain/live-record';
import { ApiError, call } from '../api';
import { i18n } from '../../i18n/i18n';

const id = encodeURIComponent;

export const liveApi = {
  create: (input: { title?: string; productId?: string; kind?: DrillKind }) => call<CreatedSession>('POST', '/api/live-sessions', input),
  list: () => call<{ sessions: LiveSessionSummary[] }>('GET', '/api/live-sessions'),
  join: (code: string) => call<JoinedSession>('POST', '/api/live-sessions/join', { code }),
  record: (sessionId: string) => call<LiveRecord>('GET', `/api/live-sessions/${id(sessionId)}/record`),
  csvUrl: (sessionId: string) => `/api/live-sessions/${id(sessionId)}/results.csv`,
};

/** What a failed join means to the person typing the code. */
export function joinErrorText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 404) return i18n.t('common:errors.noSuchCode');
    if (e.status === 410) return i18n.t('common:errors.sessionOver');
    if (e.status === 403) return i18n.t('common:errors.removed');
    if (e.status === 429) return i18n.t('common:errors.tooMany');
    return e.message;
  }
  return i18n.t('common:errors.network');
}

/** The link a trainee opens to join: the live page with the code filled in. */
export const joinLink = (code: string) => `${location.origin}/?page=live&code=${encodeURIComponent(code)}`;
