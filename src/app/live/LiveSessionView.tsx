/**
 * In a session: the shared stage (the round's items, the others' avatars) with its toolbar and a
 * "Reconnecting…" banner while the network is away, beside the instructor's controls or the
 * trainee's answer panel. When the session stops (ended, removed, failed) it says why.
 */
import type { ReactNode } from 'react';
import { liveActions } from '../../session/live';
import type { StopReason } from '../../session/live-rules';
import { parseQuestion } from '../../session/live-view';
import { LiveScene } from '../../scene/live/LiveScene';
import { renderQuality } from '../../scene/render-quality';
import { Stage } from '../../scene/Stage';
import { cameraScanLinks } from '../camera-scan-links';
import { drillAnswerOf, useDrill } from '../../scene/state/drill-store';
import { errorText } from '../api';
import { LoadingBar } from '../LoadingBar';
import { StageLoading } from '../StageLoading';
import { navigate } from '../route';
import { InstructorPanel } from './InstructorPanel';
import { Leaderboard } from './Leaderboard';
import { LiveToolbar } from './LiveToolbar';
import { recordHref } from './PastSessions';
import { PHASE_TRAINEE } from './phase-words';
import { roundProductName } from './round-product';
import { sendDraft, TraineePanel } from './TraineePanel';
import { useLive } from './use-live';
import { useLiveAnswerDraft } from './answer-draft';
import { i18n } from '../../i18n/i18n';

function ConnectionBanner() {
  const status = useLive((s) => s.status);
  const attempt = useLive((s) => s.attempt);
  const refusal = useLive((s) => s.lastRefusal);
  return (
    <>
      <div role="status" className={`live-banner${status === 'reconnecting' ? ' shown' : ''}`} data-testid="live-connection">
        {status === 'reconnecting' ? i18n.t('live:reconnecting') + (attempt > 2 ? i18n.t('live:notAnswering') : '') : status === 'connecting' ? i18n.t('live:connecting') : ''}
      </div>
      {refusal && (
        <div role="alert" className="live-refusal">
          {errorText(refusal.code, refusal.message)} <button type="button" className="link" onClick={liveActions.dismissRefusal}>{i18n.t('live:dismiss')}</button>
        </div>
      )}
    </>
  );
}

/** The words on a trainee's XR panel. */
function useXrLine(): string {
  const phase = useLive((s) => s.state?.phase ?? 'lobby');
  const answered = useLive((s) => !!s.myAnswer && s.myAnswer.round === s.state?.round);
  const result = useLive((s) => (s.myResult && s.myResult.round === s.state?.round ? s.myResult.result : null));
  if (phase === 'answer' && answered) return i18n.t('live:answerSent');
  if ((phase === 'reveal' || phase === 'leaderboard') && result) return i18n.t('live:xrScore', { verdict: i18n.t(result.score.correct ? 'live:right' : 'live:wrong'), score: Math.round(result.score.scaled * 100) });
  return PHASE_TRAINEE[phase];
}

/** The words for each reason the client knows a session stopped for; a stop without one shows the server's message as it came. */
const STOP_TEXT: Record<StopReason, string> = {
  removed: 'errors:removed',
  ended: 'errors:session_ended',
  outdated: 'errors:client_too_old',
  replaced: 'live:replaced',
};

function Stopped({ children }: { children: ReactNode }) {
  const status = useLive((s) => (s.state?.phase === 'ended' ? 'ended' : s.status));
  const message = useLive((s) => s.message);
  const reason = useLive((s) => s.stopReason);
  const state = useLive((s) => s.state);
  const role = useLive((s) => s.role);
  // The instructor led the session rather than took part in it: they are pointed to its record.
  const endedText = role === 'instructor' ? i18n.t('live:endedInstructor') : i18n.t('live:thanks');
  const lead = status === 'ended' && role === 'instructor' ? endedText : message !== null ? (reason ? i18n.t(STOP_TEXT[reason]) : message) : status === 'ended' ? endedText : '';
  return (
    <main className="page live-stopped">
      <h1>{status === 'removed' ? i18n.t('live:removedTitle') : status === 'ended' ? i18n.t('live:endedTitle') : i18n.t('live:failedTitle')}</h1>
      <p className="lead" role="alert" data-testid="live-stopped-lead">{lead}</p>
      {status === 'ended' && state && <Leaderboard state={state} />}
      {role === 'instructor' && state && (
        <p><a className="button" href={recordHref(state.sessionId)} onClick={(e) => (e.preventDefault(), navigate({ page: 'live-record', session: state.sessionId }))}>{i18n.t('live:openRecord')}</a></p>
      )}
      {children}
    </main>
  );
}

/**
 * Before the first round there is nothing on the stage: this says what comes next, over it (the stage
 * stays, so a headset can enter XR and the avatars are ready when the round starts).
 */
function Waiting({ instructor }: { instructor: boolean }) {
  return (
    <div className="live-waiting" data-testid="live-waiting">
      <div className="live-waiting-box">
        <p className="live-waiting-title">{instructor ? i18n.t('live:waitingInstructorTitle') : i18n.t('live:waitingTraineeTitle')}</p>
        <p>{instructor ? i18n.t('live:waitingInstructor') : i18n.t('live:waitingTrainee')}</p>
      </div>
    </div>
  );
}

export function LiveSessionView() {
  const status = useLive((s) => s.status);
  const state = useLive((s) => s.state);
  const role = useLive((s) => s.role);
  const round = useLive((s) => s.state?.round ?? 0);
  const phase = useLive((s) => s.state?.phase);
  const answered = useLive((s) => !!s.myAnswer && s.myAnswer.round === round);
  const complete = useDrill((s) => drillAnswerOf(s) !== null);
  const xrLine = useXrLine();
  useLiveAnswerDraft();

  if (status === 'removed' || status === 'ended' || status === 'failed' || phase === 'ended') {
    return (
      <Stopped>
        <button type="button" className="button secondary" onClick={() => void liveActions.leave()}>{i18n.t('live:backToLive')}</button>
      </Stopped>
    );
  }
  if (!state || !role) {
    return (
      <main className="page">
        <ConnectionBanner />
        <LoadingBar label={i18n.t('live:joiningSession')} />
      </main>
    );
  }
  const instructor = role === 'instructor';
  const question = parseQuestion(state.question);
  const canAnswer = !instructor && phase === 'answer' && !answered;
  const waiting = !question;
  return (
    <main className="compare live">
      <section className="stage-area" aria-label={question ? i18n.t('live:stageLabel', { name: roundProductName(state) }) : i18n.t('live:liveSession')}>
        <ConnectionBanner />
        <LiveToolbar waiting={waiting} />
        {waiting && <Waiting instructor={instructor} />}
        {renderQuality().webgl ? (
          <Stage cameraScan={cameraScanLinks}>
            <LiveScene instructor={instructor} kind={question?.kind ?? null} canAnswer={canAnswer} xrLine={xrLine} onSend={() => complete && sendDraft()} />
          </Stage>
        ) : (
          <p role="alert" className="no-webgl">{i18n.t('live:noWebgl')}</p>
        )}
        <StageLoading />
      </section>
      <aside className="side-panel live-panel" aria-label={instructor ? i18n.t('live:sessionControls') : i18n.t('live:yourRound')}>
        {instructor ? <InstructorPanel state={state} /> : <TraineePanel state={state} />}
        <p className="live-leave">
          <button type="button" className="link" onClick={() => void liveActions.leave()}>{i18n.t('live:leave')}</button>
        </p>
      </aside>
    </main>
  );
}
