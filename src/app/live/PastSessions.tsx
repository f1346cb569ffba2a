/** An instructor's sessions, newest first: each opens its record; one still running can be rejoined. */
import type { MouseEvent } from 'react';
import { liveActions } from '../../session/live';
import { LoadingBar } from '../LoadingBar';
import { navigate } from '../route';
import { formatDate } from '../progress/format';
import { LoadError } from '../progress/Gate';
import { useLoad } from '../progress/useLoad';
import { liveApi } from './live-api';
import { currentDevice } from './device';
import { PHASE_NAME } from './phase-words';
import { i18n } from '../../i18n/i18n';

export const recordHref = (sessionId: string) => `/?page=live-record&session=${encodeURIComponent(sessionId)}`;

export function openRecord(e: MouseEvent<HTMLAnchorElement>, sessionId: string): void {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate({ page: 'live-record', session: sessionId });
}

export function PastSessions({ userId }: { userId: string }) {
  const list = useLoad(() => liveApi.list(), userId);
  const sessions = [...(list.data?.sessions ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section className="panel" aria-labelledby="past-title">
      <h2 id="past-title">{i18n.t('live:yourSessions')}</h2>
      {list.error ? (
        <LoadError what={i18n.t('live:whatSessions')} message={list.error} retry={list.reload} />
      ) : !list.data ? (
        <LoadingBar label={i18n.t('live:loadingSessions')} />
      ) : sessions.length === 0 ? (
        <p className="muted">{i18n.t('live:noSessions')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{i18n.t('live:yourSessions')}</caption>
            <thead>
              <tr><th scope="col">{i18n.t('live:session')}</th><th scope="col">{i18n.t('live:started')}</th><th scope="col">{i18n.t('live:state')}</th><th scope="col" className="num">{i18n.t('live:traineesHead')}</th><th scope="col" className="num">{i18n.t('live:rounds')}</th><th scope="col"><span className="visually-hidden">{i18n.t('live:actions')}</span></th></tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row"><a href={recordHref(s.id)} onClick={(e) => openRecord(e, s.id)}>{s.title}</a></th>
                  <td>{formatDate(s.createdAt)}</td>
                  <td>{s.endedAt ? i18n.t('live:ended') : PHASE_NAME[s.phase]}</td>
                  <td className="num">{s.participants}</td>
                  <td className="num">{s.rounds}</td>
                  <td>{!s.endedAt && s.phase !== 'ended' && <button type="button" className="button small secondary" onClick={() => liveActions.connect(s.id, currentDevice())}>{i18n.t('live:rejoin')}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
