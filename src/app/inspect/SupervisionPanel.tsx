/**
 * On the Inspect page: for an examiner, who can read their records (proposals to accept or decline,
 * supervisions to end, past ones with the window that stays readable); for a supervisor, whose records
 * they may read. The server decides; this only shows the grants and sends the answers.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../domain/roles';
import { SUPERVISED_ROLES } from '../../domain/supervision';
import { formatDate } from '../../i18n/text';
import { errorMessage, useLoad } from '../progress/useLoad';
import { personText, supervisionApi, type Grant } from './supervision-api';

const day = (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '');

export function SupervisionPanel({ user }: { user: SessionUser }) {
  const { t } = useTranslation('supervision');
  const grants = useLoad(() => supervisionApi.grants(), user.id);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const examiner = SUPERVISED_ROLES.includes(user.role);
  const mine = (grants.data ?? []).filter((g) => g.as === 'examiner');
  const supervising = (grants.data ?? []).filter((g) => g.as === 'supervisor');

  const answer = async (grant: Grant, how: 'accept' | 'end') => {
    setBusy(grant.id);
    setFailure(null);
    try {
      const next = await (how === 'accept' ? supervisionApi.accept(grant.id) : supervisionApi.end(grant.id));
      grants.setData((grants.data ?? []).map((g) => (g.id === next.id ? next : g)));
    } catch (e) {
      setFailure(t('failed', { message: errorMessage(e) }));
    } finally {
      setBusy(null);
    }
  };
  const button = (grant: Grant, how: 'accept' | 'end', label: string, aria: string, primary = false) => (
    <button type="button" className={primary ? 'button small' : 'button secondary small'} disabled={busy !== null} aria-label={aria} onClick={() => void answer(grant, how)}>
      {busy === grant.id ? t('busy') : label}
    </button>
  );

  if (grants.error) return <p className="tell-sub">{t('loadFailed', { message: grants.error })}</p>;
  if (!grants.data) return <p className="tell-sub">{t('loading')}</p>;
  // Instructors read records only as supervisors: they are told so even before any grant.
  const supervisor = user.role === 'instructor' || supervising.length > 0;
  if (!examiner && !supervisor) return null;
  return (
    <>
      {examiner && (
        <section className="inspect-records supervision" aria-labelledby="supervision-mine-h">
          <h2 id="supervision-mine-h">{t('mineHeading')}</h2>
          <p className="tell-sub">{t('mineLead')}</p>
          {mine.length === 0 ? (
            <p>{t('mineNone')}</p>
          ) : (
            <ul className="record-list">
              {mine.map((g) => {
                const supervisor = personText(g.supervisor);
                return (
                  <li key={g.id} className="record-row">
                    {g.status === 'pending' ? (
                      <>
                        <span>
                          {t('pendingFor', { proposer: personText(g.proposedBy), supervisor })} {g.endsAt ? t('pendingUntil', { date: day(g.endsAt) }) : ''}{' '}
                          {g.supervisor.accountCreatedAt ? t('accountMade', { date: day(g.supervisor.accountCreatedAt) }) : ''}
                        </span>
                        <span className="supervision-actions">
                          {button(g, 'accept', t('accept'), t('acceptLabel', { supervisor }), true)}
                          {button(g, 'end', t('decline'), t('declineLabel', { supervisor }))}
                        </span>
                      </>
                    ) : g.status === 'active' ? (
                      <>
                        <span>
                          {t('activeFor', { supervisor, date: day(g.acceptedAt) })} {g.endsAt ? t('activeUntil', { date: day(g.endsAt) }) : ''}
                        </span>
                        <span className="supervision-actions">{button(g, 'end', t('endMine'), t('endMineLabel', { supervisor }))}</span>
                      </>
                    ) : (
                      <span className="tell-sub">
                        {t('pastFor', { supervisor, status: t(`status.${g.status}`) })}{' '}
                        {g.acceptedAt ? t('pastWindow', { from: day(g.acceptedAt), to: day(windowEnd(g)) }) : ''}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
      {supervisor && (
        <section className="inspect-records supervision" aria-labelledby="supervision-others-h">
          <h2 id="supervision-others-h">{t('supervisingHeading')}</h2>
          <p className="tell-sub">{t('supervisingLead')}</p>
          {supervising.length === 0 ? (
            <p>{t('supervisingNone')}</p>
          ) : (
            <ul className="record-list">
              {supervising.map((g) => {
                const examinerName = personText(g.examiner);
                return (
                  <li key={g.id} className="record-row">
                    <span>
                      {g.status === 'active'
                        ? t('supervisingActive', { examiner: examinerName, date: day(g.acceptedAt) })
                        : g.status === 'pending'
                          ? t('supervisingPending', { examiner: examinerName })
                          : g.acceptedAt
                            ? t('supervisingPast', { examiner: examinerName, status: t(`status.${g.status}`), from: day(g.acceptedAt), to: day(windowEnd(g)) })
                            : t('pastFor', { supervisor: examinerName, status: t(`status.${g.status}`) })}
                    </span>
                    {(g.status === 'active' || g.status === 'pending') && (
                      <span className="supervision-actions">{button(g, 'end', t('stop'), t('stopLabel', { examiner: examinerName }))}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
      {failure && <p role="alert" className="error">{failure}</p>}
    </>
  );
}

/** When the grant's window closed: its early end or its end date, whichever came first. */
function windowEnd(g: Grant): string | null {
  const ends = [g.endedAt, g.endsAt].filter((d): d is string => !!d).sort();
  return ends[0] ?? null;
}
