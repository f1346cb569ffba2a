/**
 * A trainee's side of a session: where the round is; while answers are open the drill page's own
 * answer controls and "Send answer"; once sent, the answer stays shown (and comes back after a
 * reload); at the reveal their own marked result; the leaderboard.
 */
import type { LiveStateView } from '../../domain/live-protocol';
import { liveActions } from '../../session/live';
import { parseQuestion, parseReveal } from '../../session/live-view';
import { AnswerControls } from '../drill/answer-controls';
import { drillAnswerOf, drillStore, useDrill } from '../../scene/state/drill-store';
import { KIND_INFO } from '../drill/kinds';
import { ResultPanel } from '../drill/ResultPanel';
import { Leaderboard } from './Leaderboard';
import { PHASE_TRAINEE } from './phase-words';
import { roundProductName } from './round-product';
import { useLive } from './use-live';
import { i18n } from '../../i18n/i18n';
import { localText } from '../../i18n/text';

/** Sends the answer in the drill store, if it is complete. */
export function sendDraft(): void {
  const answer = drillAnswerOf(drillStore.getState());
  if (answer) void liveActions.answer(answer).catch(() => {});
}

function AnswerForm({ state }: { state: LiveStateView }) {
  const question = parseQuestion(state.question);
  const complete = useDrill((s) => drillAnswerOf(s) !== null);
  const mine = useLive((s) => (s.myAnswer?.round === state.round ? s.myAnswer : null));
  if (!question) return null;
  const open = state.phase === 'answer' && !mine;
  return (
    <form
      className="drill-answer"
      aria-label={i18n.t('live:yourAnswer')}
      onSubmit={(e) => {
        e.preventDefault();
        sendDraft();
      }}
    >
      <p className="drill-task">{KIND_INFO[question.kind].task}</p>
      <AnswerControls question={question} disabled={!open} />
      {mine ? (
        <p className="drill-saved saved" role="status" data-testid="live-answer-sent">
          {mine.confirmed ? i18n.t('live:answerSentTick') : i18n.t('live:sending')}
        </p>
      ) : (
        <button type="submit" className="drill-submit" disabled={!complete || !open}>{i18n.t('live:sendAnswer')}</button>
      )}
    </form>
  );
}

function Revealed({ state }: { state: LiveStateView }) {
  const question = parseQuestion(state.question);
  const reveal = parseReveal(state.reveal);
  const result = useLive((s) => (s.myResult && s.myResult.round === state.round ? s.myResult.result : null));
  if (!question) return null;
  if (result) return <ResultPanel question={question} result={result} />;
  return (
    <section className="drill-result" aria-label={i18n.t('live:theAnswer')}>
      <p className="muted">{i18n.t('live:didNotAnswer')}</p>
      {reveal && (
        <ul className="drill-revealed">
          {reveal.revealed.map((r) => (
            <li key={r.label} className={r.kind}>
              <strong>{r.label}</strong> = {r.kind === 'genuine' ? i18n.t('common:genuine') : r.provenance ? i18n.t('live:counterfeitLabel', { provenance: localText(r.provenance) }) : i18n.t('common:counterfeit')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function TraineePanel({ state }: { state: LiveStateView }) {
  const you = useLive((s) => s.you);
  const showAnswer = state.round > 0 && (state.phase === 'inspect' || state.phase === 'answer');
  const showResult = state.round > 0 && (state.phase === 'reveal' || state.phase === 'leaderboard');
  return (
    <>
      <p className="drill-kind">{i18n.t('live:liveSession')}{state.round > 0 ? i18n.t('live:roundPart', { round: state.round }) : ''}</p>
      <h1 className="product-title">{state.title}</h1>
      {state.productName && state.round > 0 && <p className="product-meta" data-testid="live-round-product">{roundProductName(state)} · {KIND_INFO[state.kind]?.name ?? state.kind}</p>}
      <p className="live-phase" aria-live="polite" data-testid="live-phase">{PHASE_TRAINEE[state.phase]}</p>
      {showAnswer && <AnswerForm state={state} />}
      {showResult && <Revealed state={state} />}
      {(state.phase === 'leaderboard' || state.phase === 'reveal' || state.phase === 'ended') && <Leaderboard state={state} you={you} />}
    </>
  );
}
