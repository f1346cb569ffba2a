/**
 * Past inspection records: the officer's own (and those a supervision grant lets them read), from
 * the server, with those still only on this device listed too.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tally } from '../../domain/inspection';
import type { SessionUser } from '../../domain/roles';
import { formatDate, useLocalText } from '../../i18n/text';
import { navigate } from '../route';
import { inspectApi } from './inspect-api';
import { recordStore } from './record-store';
import { useSyncStatus } from './sync';
import { mergeRecords, type ListedRecord } from './listing';

export function RecordList({ user }: { user: SessionUser }) {
  const { t } = useTranslation('inspect');
  const text = useLocalText();
  const passes = useSyncStatus((s) => s.passes);
  const [records, setRecords] = useState<ListedRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const device = recordStore.records().then(
      (rs) =>
        rs
          .filter((r) => r.userId === user.id && r.sentUpdatedAt === null)
          .map((r): ListedRecord => {
            const counts = tally(r.input.marks.map((m) => ({ key: m.check })), r.input.marks);
            return { id: r.id, productId: r.input.productId, productName: r.productName, reference: r.input.reference, startedAt: r.input.startedAt, updatedAt: r.input.updatedAt, consistent: counts.consistent, inconsistent: counts.inconsistent, notChecked: counts.notChecked, photoCount: 0, onDeviceOnly: true };
          }),
      () => [],
    );
    const server = inspectApi.list().catch((e: unknown) => {
      if (live) setError(e instanceof Error ? e.message : String(e));
      return [];
    });
    void Promise.all([server, device]).then(([s, d]) => live && setRecords(mergeRecords(s, d)));
    return () => {
      live = false;
    };
  }, [user.id, passes]);

  return (
    <section className="inspect-records" aria-labelledby="inspect-records-h">
      <h2 id="inspect-records-h">{t('recordsHeading')}</h2>
      {error && <p className="tell-sub">{t('recordsOffline')}</p>}
      {records === null ? (
        <p className="tell-sub">{t('loadingRecords')}</p>
      ) : records.length === 0 ? (
        <p className="tell-sub">{t('noRecords')}</p>
      ) : (
        <ul className="record-list" aria-label={t('recordsHeading')}>
          {records.map((r) => (
            <li key={r.id} className="record-row">
              <a
                href={`/?page=inspect&product=${encodeURIComponent(r.productId)}&record=${encodeURIComponent(r.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ page: 'inspect', product: r.productId, record: r.id });
                }}
              >
                {t('recordLink', { name: text(r.productName), reference: r.reference || t('noReference') })}
              </a>
              <span className="tell-sub">
                {formatDate(r.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}
                {' · '}
                {t('tally', { consistent: r.consistent, inconsistent: r.inconsistent, notChecked: r.notChecked })}
                {r.officer && r.officer.id !== user.id ? ` · ${r.officer.displayName}` : ''}
                {r.onDeviceOnly ? ` · ${t('onDeviceOnly')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
