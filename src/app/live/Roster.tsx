/**
 * Who is in the session, for the instructor: each trainee, whether they are connected and on which device, and
 * whether they answered this round (not what); a Remove button each. Removing asks once more.
 */
import { useState } from 'react';
import type { Device, LiveStateView, ParticipantView } from '../../domain/live-protocol';
import { liveActions } from '../../session/live';
import { answeredCount, traineesOf } from '../../session/live-view';
import { i18n } from '../../i18n/i18n';

const deviceName = (d: Device) => i18n.t(`live:device.${d}`, { defaultValue: d });

function Row({ p, answering }: { p: ParticipantView; answering: boolean }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <tr>
      <th scope="row">
        {p.name}
        <span className="live-who">{p.connected ? i18n.t('live:here') : i18n.t('live:reconnecting')} · {deviceName(p.device)}</span>
      </th>
      <td data-testid={`answered-${p.id}`}>{p.answeredRound ? i18n.t('live:answered') : answering ? i18n.t('live:notYet') : '—'}</td>
      <td>
        {confirming ? (
          <>
            <button type="button" className="button small" onClick={() => void liveActions.intent({ type: 'remove', participantId: p.id }).catch(() => setConfirming(false))}>
              {i18n.t('live:confirmRemove', { name: p.name })}
            </button>{' '}
            <button type="button" className="button small secondary" onClick={() => setConfirming(false)}>{i18n.t('live:keep')}</button>
          </>
        ) : (
          <button type="button" className="button small secondary" aria-label={i18n.t('live:removeName', { name: p.name })} onClick={() => setConfirming(true)}>{i18n.t('live:remove')}</button>
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
      <h2 id="roster-title" className="drill-sub">{i18n.t('live:trainees', { count: trainees.length })}</h2>
      {state.round > 0 && (
        <p className="live-answered" role="status" data-testid="answered-count">
          {i18n.t('live:answeredCount', { answered: answered, present: present })}
        </p>
      )}
      {trainees.length === 0 ? (
        <p className="muted">{i18n.t('live:nobody')}</p>
      ) : (
        <table className="data-table live-table" aria-labelledby="roster-title">
          <thead>
            <tr><th scope="col">{i18n.t('live:trainee')}</th><th scope="col">{i18n.t('live:thisRound')}</th><th scope="col"><span className="visually-hidden">{i18n.t('live:remove')}</span></th></tr>
          </thead>
          <tbody>
            {trainees.map((p) => <Row key={p.id} p={p} answering={answering} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}
