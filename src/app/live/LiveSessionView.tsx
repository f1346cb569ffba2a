/**
 * In a session: the shared stage (the round's items, the others' avatars) with its toolbar and a
 * "Reconnecting…" banner while the network is away, beside the instructor's controls or the
 * trainee's answer panel. When the session stops (ended, removed, failed) it says why.
 */
import type { ReactNode } from 'react';
import { liveActions } from '../../session/live';
import { parseQuestion } from '../../session/live-view';
import { LiveScene } from '../../scene/live/LiveScene';
import { renderQuality } from '../../scene/render-quality';
import { Stage } from '../../scene/Stage';
import { drillAnswerOf, useDrill } from '../drill/drill-store';
import { LoadingBar } from '../LoadingBar';
import { StageLoading } from '../StageLoading';
import { navigate } from '../route';
import { InstructorPanel } from './InstructorPanel';
import { Leaderboard } from './Leaderboard';
import { LiveToolbar } from './LiveToolbar';
import { recordHref } from './PastSessions';
import { PHASE_TRAINEE } from './phase-words';
import { sendDraft, TraineePanel } from './TraineePanel';
import { useLive } from './use-live';
import { useLiveAnswerDraft } from './answer-draft';

function ConnectionBanner() {
  const status = useLive((s) => s.status);
  const attempt = useLive((s) => s.attempt);
  const refusal = useLive((s) => s.lastRefusal);
  return (
    <>
      <div role="status" className={`live-banner${status === 'reconnecting' ? ' shown' : ''}`} data-testid="live-connection">
        {status === 'reconnecting' ? `Reconnecting…${attempt > 2 ? ' (the server is not answering yet)' : ''}` : status === 'connecting' ? 'Connecting…' : ''}
      </div>
      {refusal && (
        <div role="alert" className="live-refusal">
          {refusal.message} <button type="button" className="link" onClick={liveActions.dismissRefusal}>Dismiss</button>
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
  if (phase === 'answer' && answered) return 'Answer sent. Wait for the reveal.';
  if ((phase === 'reveal' || phase === 'leaderboard') && result) return `${result.score.correct ? 'Right' : 'Wrong'} · score ${Math.round(result.score.scaled * 100)} %`;
  return PHASE_TRAINEE[phase];
}

function Stopped({ children }: { children: ReactNode }) {
  const status = useLive((s) => (s.state?.phase === 'ended' ? 'ended' : s.status));
  const message = useLive((s) => s.message);
  const state = useLive((s) => s.state);
  const role = useLive((s) => s.role);
  return (
    <main className="page live-stopped">
      <h1>{status === 'removed' ? 'Removed from the session' : status === 'ended' ? 'The session has ended' : 'Could not join the session'}</h1>
      <p className="lead" role="alert">{message ?? (status === 'ended' ? 'Thank you for taking part.' : '')}</p>
      {status === 'ended' && state && <Leaderboard state={state} />}
      {role === 'instructor' && state && (
        <p><a className="button" href={recordHref(state.sessionId)} onClick={(e) => (e.preventDefault(), navigate({ page: 'live-record', session: state.sessionId }))}>Open the record</a></p>
      )}
      {children}
    </main>
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
        <button type="button" className="button secondary" onClick={() => void liveActions.leave()}>Back to live sessions</button>
      </Stopped>
    );
  }
  if (!state || !role) {
    return (
      <main className="page">
        <ConnectionBanner />
        <LoadingBar label="Joining the session" />
      </main>
    );
  }
  const instructor = role === 'instructor';
  const question = parseQuestion(state.question);
  const canAnswer = !instructor && phase === 'answer' && !answered;
  return (
    <main className="compare live">
      <section className="stage-area" aria-label={question ? `Live session: ${state.productName}` : 'Live session'}>
        <ConnectionBanner />
        <LiveToolbar />
        {renderQuality().webgl ? (
          <Stage>
            <LiveScene instructor={instructor} kind={question?.kind ?? null} canAnswer={canAnswer} xrLine={xrLine} onSend={() => complete && sendDraft()} />
          </Stage>
        ) : (
          <p role="alert" className="no-webgl">This browser cannot show 3D (WebGL is turned off or missing). The session's panel still works beside.</p>
        )}
        <StageLoading />
      </section>
      <aside className="side-panel live-panel" aria-label={instructor ? 'Session controls' : 'Your round'}>
        {instructor ? <InstructorPanel state={state} /> : <TraineePanel state={state} />}
        <p className="live-leave">
          <button type="button" className="link" onClick={() => void liveActions.leave()}>Leave the session</button>
        </p>
      </aside>
    </main>
  );
}
