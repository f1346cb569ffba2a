/**
 * Who is in the session, for the instructor: each trainee, whether they are connected and on which device, and
 * whether they answered this round (not what); a Remove button each. Removing asks once more.
 */
import { useState } from 'react';
import type { Device, LiveStateView, ParticipantView } from '../../domain/live-protocol';
import { liveActions } from '../../session/live';
import { answeredCount, traineesOf } from '../../session/live-view';

const DEVICE: Record<Device, string> = { desktop: 'Desktop', ar: 'Headset (AR)', vr: 'Headset (VR)' };

function Row({ p, answering }: { p: ParticipantView; answering: boolean }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <tr>
      <th scope="row">
        {p.name}
        <span className="live-who">{p.connected ? 'Here' : 'Reconnecting…'} · {DEVICE[p.device] ?? p.device}</span>
      </th>
      <td data-testid={`answered-${p.id}`}>{p.answeredRound ? '✓ Answered' : answering ? 'Not yet' : '—'}</td>
      <td>
        {confirming ? (
          <>
            <button type="button" className="button small" onClick={() => void liveActions.intent({ type: 'remove', participantId: p.id }).catch(() => setConfirming(false))}>
              Confirm removing {p.name}
            </button>{' '}
            <button type="button" className="button small secondary" onClick={() => setConfirming(false)}>Keep</button>
          </>
        ) : (
          <button type="button" className="button small secondary" aria-label={`Remove ${p.name}`} onClick={() => setConfirming(true)}>Remove</button>
        )}
      </td>
    </tr>
  );
}

export function Roster({ state }: { state: LiveStateView }) {
  const trainees = traineesOf(state).sort((a, b) => a.name.localeCompare(b.name));
  const { answered, present } = answeredCount(state);
  const answering = state.phase === 'answer' || state.phase === 'inspect';
  return (
    <section className="live-section" aria-labelledby="roster-title">
      <h2 id="roster-title" className="drill-sub">Trainees ({trainees.length})</h2>
      {state.round > 0 && (
        <p className="live-answered" role="status" data-testid="answered-count">
          {answered} of {present} answered
        </p>
      )}
      {trainees.length === 0 ? (
        <p className="muted">Nobody has joined yet. Give the trainees the code.</p>
      ) : (
        <table className="data-table live-table" aria-labelledby="roster-title">
          <thead>
            <tr><th scope="col">Trainee</th><th scope="col">This round</th><th scope="col"><span className="visually-hidden">Remove</span></th></tr>
          </thead>
          <tbody>
            {trainees.map((p) => <Row key={p.id} p={p} answering={answering} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}
