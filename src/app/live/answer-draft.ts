/**
 * The trainee's answer in the making lives in the drill's store, so that the drill page's answer
 * controls (radios, confidence, pins on the suspect) serve live rounds unchanged. Each round starts
 * a fresh draft; an answer the server already holds (a reload, a rejoin) is filled back in.
 */
import { useEffect } from 'react';
import type { DrillAnswer } from '../../domain/drill';
import { parseQuestion } from '../../session/live-view';
import { drillStore, initialDrillState } from '../../scene/state/drill-store';
import { drillActions } from '../drill/drill-actions';
import { useLive } from './use-live';

function fill(answer: DrillAnswer): void {
  if (answer.kind === 'spot-the-fake') drillStore.setState({ choice: answer.counterfeit, confidence: answer.confidence });
  else if (answer.kind === 'verdict') drillStore.setState({ choice: answer.verdict, confidence: answer.confidence });
  else drillStore.setState({ pins: answer.pins.map((p) => ({ ...p })) });
}

export function useLiveAnswerDraft(): void {
  const json = useLive((s) => s.state?.question ?? '');
  const round = useLive((s) => s.state?.round ?? 0);
  const held = useLive((s) => (s.myAnswer && s.myAnswer.round === round ? s.myAnswer.answer : null));

  useEffect(() => {
    const question = parseQuestion(json);
    if (!question) {
      drillActions.reset();
      return;
    }
    drillStore.setState({ ...initialDrillState, status: 'answering', kind: question.kind, productId: question.product.id, question, startedAt: Date.now() });
  }, [json, round]);

  useEffect(() => {
    const d = drillStore.getState();
    if (held && d.question && d.choice === null && d.pins.length === 0) fill(held);
  }, [held, json]);

  useEffect(() => () => drillActions.reset(), []);
}
