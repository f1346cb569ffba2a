/**
 * The record-access log: who read someone else's inspection record (or its exports and photos) and every
 * step of a supervision, newest first. An examiner sees the entries about their own records; an admin
 * sees all of them, with whose records each concerns. People by name and email, records by product and
 * reference: no ids.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/text';
import { errorMessage, useLoad } from '../progress/useLoad';
import { personText, supervisionApi, type AccessEntry } from './supervision-api';

export function AccessLog({ all, reloadKey }: { all: boolean; reloadKey: string }) {
  const { t } = useTranslation('supervision');
  const first = useLoad(() => supervisionApi.log(), reloadKey);
  const [older, setOlder] = useState<AccessEntry[]>([]);
  const [more, setMore] = useState<boolean | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const entries = [...(first.data?.entries ?? []), ...older];
  const hasMore = more ?? first.data?.more ?? false;

  const loadOlder = async () => {
    const last = entries.at(-1);
    if (!last) return;
    try {
      const page = await supervisionApi.log(last.id);
      setOlder((o) => [...o, ...page.entries]);
      setMore(page.more);
    } catch (e) {
      setFailure(t('logFailed', { message: errorMessage(e) }));
    }
  };

  const what = (e: AccessEntry) =>
    e.action === 'records_listed'
      ? t('action.records_listed', { count: Number(e.detail ?? 0) })
      : t(`action.${e.action}`, { supervisor: personText(e.supervisor) });

  return (
    <section className="inspect-records access-log" aria-labelledby="access-log-h">
      <h2 id="access-log-h">{t('logHeading')}</h2>
      <p className="tell-sub">{all ? t('logLeadAll') : t('logLeadMine')}</p>
      {first.error ? (
        <p role="alert" className="error">{t('logFailed', { message: first.error })}</p>
      ) : !first.data ? (
        <p className="tell-sub">{t('logLoading')}</p>
      ) : entries.length === 0 ? (
        <p>{t('logNone')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table access-log-table">
            <thead>
              <tr>
                <th scope="col">{t('logWhen')}</th>
                <th scope="col">{t('logWho')}</th>
                {all && <th scope="col">{t('logWhose')}</th>}
                <th scope="col">{t('logWhat')}</th>
                <th scope="col">{t('logRecord')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.at, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
                  <td>{personText(e.actor)}</td>
                  {all && <td>{personText(e.examiner)}</td>}
                  <td>{what(e)}</td>
                  <td>{e.record ? t('recordText', { product: e.record.productName, reference: e.record.reference || t('noReference') }) : t('logNoRecord')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && (
        <button type="button" className="button secondary small" onClick={() => void loadOlder()}>{t('logMore')}</button>
      )}
      {failure && <p role="alert" className="error">{failure}</p>}
    </section>
  );
}
