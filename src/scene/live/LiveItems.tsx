/**
 * The round's items in a live session, on the drill's turntables (DrillSlot): unlabelled A and B
 * (or reference and suspect) from the question's opaque model URLs, the same for everyone. After the
 * reveal the captions say which was which, the tells stand on the counterfeit (and where they would
 * be on the genuine), and the tell the instructor spotlights is ringed for everyone. A trainee's own
 * pins (find the tells) are dropped with a click on the suspect while the round is open.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { DrillQuestion } from '../../domain/drill';
import type { RoundReveal } from '../../domain/live-protocol';
import { liveStore } from '../../session/live';
import { parseQuestion, parseReveal } from '../../session/live-view';
import { DrillTable, type Ringed } from '../drill/DrillItems';
import { liveSceneStats } from './live-scene-stats';
import { useTranslation } from 'react-i18next';

const NONE: ReadonlySet<string> = new Set();

function LiveTable({ question, reveal, canPin }: { question: DrillQuestion; reveal: RoundReveal | null; canPin: boolean }) {
  const spotlight = useStore(liveStore, (s) => (s.state?.phase !== 'lobby' ? (s.state?.spotlight ?? '') : ''));
  const result = useStore(liveStore, (s) => (s.myResult && s.myResult.round === s.state?.round ? s.myResult.result : null));
  useEffect(
    () => () => {
      liveSceneStats.drawn = null;
    },
    [],
  );
  useFrame(() => {
    liveSceneStats.drawn = question.id;
    liveSceneStats.spotlight = reveal && spotlight ? spotlight : null;
  });
  const { t } = useTranslation('xr');
  // The instructor's spotlight rings the tell on both models, for everyone.
  const ringed = useMemo<Ringed>(() => {
    const set = reveal && spotlight ? new Set([spotlight]) : NONE;
    return { at: set, genuineAt: set };
  }, [reveal, spotlight]);
  return (
    <DrillTable
      question={question}
      reveal={reveal}
      pinMatches={result?.score.pinMatches ?? null}
      ringed={ringed}
      canPin={canPin}
      name="live-items"
      suspectCaption={t('suspect')}
    />
  );
}

/** The round's items, or nothing before the first round. `canPin`: this trainee may drop pins now. */
export function LiveItems({ canPin }: { canPin: boolean }) {
  const json = useStore(liveStore, (s) => s.state?.question ?? '');
  const revealJson = useStore(liveStore, (s) => s.state?.reveal ?? '');
  const round = useStore(liveStore, (s) => s.state?.round ?? 0);
  const question = parseQuestion(json);
  const reveal = parseReveal(revealJson);
  return question ? <LiveTable key={`${round}:${question.id}`} question={question} reveal={reveal} canPin={canPin} /> : null;
}
