/**
 * On the Users page, for admins: propose that a supervisor reads an examiner's inspection records (the
 * examiner must accept it on their Inspect page), see every proposal and supervision and end one, and
 * read the whole record-access log. An admin is never offered as a supervisor.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../domain/roles';
import { SUPERVISED_ROLES, SUPERVISOR_ROLES } from '../../domain/supervision';
import { formatDate } from '../../i18n/text';
import type { UserEntry } from '../api';
import { AccessLog } from '../inspect/AccessLog';
import { personText, supervisionApi, type Grant } from '../inspect/supervision-api';
import { LoadingBar } from '../LoadingBar';
import { errorMessage, useLoad } from './useLoad';

const when = (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '');

export function SupervisionAdmin({ users, self }: { users: UserEntry[]; self: SessionUser }) {
  const { t } = useTranslation('supervision');
  const grants = useLoad(() => supervisionApi.grants(), self.id);
  const [examinerId, setExaminerId] = useState('');
  const [supervisorId, setSupervisorId] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [logKey, setLogKey] = useState(0);
  const examiners = users.filter((u) => SUPERVISED_ROLES.includes(u.role));
  const supervisors = users.filter((u) => SUPERVISOR_ROLES.includes(u.role) && u.id !== examinerId && u.id !== self.id);
  const label = (u: UserEntry) => personText(u);

  const changed = (next: Grant) => {
    const list = grants.data ?? [];
    grants.setData(list.some((g) => g.id === next.id) ? list.map((g) => (g.id === next.id ? next : g)) : [next, ...list]);
    setLogKey((k) => k + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setError(null);
    if (!examinerId || !supervisorId) return setError(t('chooseBoth'));
    setBusy('new');
    try {
      // The end of the chosen day in the admin's time zone.
      const endsAt = endsOn ? new Date(`${endsOn}T23:59:59`).toISOString() : null;
      const grant = await supervisionApi.propose(examinerId, supervisorId, endsAt);
      changed(grant);
      setStatus(t('proposed', { examiner: personText(grant.examiner), supervisor: personText(grant.supervisor) }));
      setSupervisorId('');
      setEndsOn('');
    } catch (err) {
      setError(t('failed', { message: errorMessage(err) }));
    } finally {
      setBusy(null);
    }
  };

  const end = async (grant: Grant) => {
    setBusy(grant.id);
    setError(null);
    try {
      changed(await supervisionApi.end(grant.id));
    } catch (err) {
      setError(t('failed', { message: errorMessage(err) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <section aria-labelledby="supervision-admin-h" className="panel supervision-admin">
        <h2 id="supervision-admin-h">{t('adminHeading')}</h2>
        <p className="lead">{t('adminLead')}</p>
        <form className="inline-form" onSubmit={submit} noValidate>
          <div className="form-row">
            <div className="form-field">
              <label htmlFor="grant-examiner">{t('examiner')}</label>
              <select id="grant-examiner" value={examinerId} onChange={(e) => setExaminerId(e.target.value)}>
                <option value="">{t('choose')}</option>
                {examiners.map((u) => <option key={u.id} value={u.id}>{label(u)}</option>)}
              </select>
            </div>
            <div className="form-field">
              <label htmlFor="grant-supervisor">{t('supervisor')}</label>
              <select id="grant-supervisor" value={supervisorId} onChange={(e) => setSupervisorId(e.target.value)}>
                <option value="">{t('choose')}</option>
                {supervisors.map((u) => <option key={u.id} value={u.id}>{label(u)}</option>)}
              </select>
            </div>
            <div className="form-field">
              <label htmlFor="grant-ends">{t('endsOn')}</label>
              <input id="grant-ends" type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
            </div>
            <button type="submit" className="button" disabled={busy !== null}>{busy === 'new' ? t('proposing') : t('propose')}</button>
          </div>
        </form>
        {error ? <p role="alert" className="error">{error}</p> : null}
        <p role="status" className="saved">{status}</p>
        <h3>{t('grantsHeading')}</h3>
        {grants.error ? (
          <p role="alert" className="error">{t('loadFailed', { message: grants.error })}</p>
        ) : !grants.data ? (
          <LoadingBar label={t('loading')} />
        ) : grants.data.length === 0 ? (
          <p className="muted">{t('grantsNone')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table grants-table">
              <thead>
                <tr>
                  <th scope="col">{t('grantExaminer')}</th>
                  <th scope="col">{t('grantSupervisor')}</th>
                  <th scope="col">{t('grantProposedBy')}</th>
                  <th scope="col">{t('grantStatus')}</th>
                  <th scope="col">{t('grantSince')}</th>
                  <th scope="col">{t('grantEnds')}</th>
                  <th scope="col">{t('grantAction')}</th>
                </tr>
              </thead>
              <tbody>
                {grants.data.map((g) => (
                  <tr key={g.id}>
                    <td>{personText(g.examiner)}</td>
                    <td>{personText(g.supervisor)}</td>
                    <td>{personText(g.proposedBy)}</td>
                    <td>{t(`status.${g.status}`)}</td>
                    <td>{when(g.acceptedAt) || t('noDate')}</td>
                    <td>{when(g.endedAt ?? g.endsAt) || t('noDate')}</td>
                    <td>
                      {(g.status === 'pending' || g.status === 'active') && (
                        <button type="button" className="button secondary small" disabled={busy !== null} aria-label={t('endGrantLabel', { examiner: personText(g.examiner), supervisor: personText(g.supervisor) })} onClick={() => void end(g)}>
                          {busy === g.id ? t('busy') : t('endGrant')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AccessLog all reloadKey={`${self.id}:${logKey}`} />
    </>
  );
}
