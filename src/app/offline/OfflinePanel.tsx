/**
 * What offline use holds and does: "Make available offline" with its download's progress and total
 * size (known before the first byte), what is stored on this device and the space it takes, the
 * drills kept ready, and the answers waiting to sync.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchManifest } from './offline-download';
import { offlineActions, useOffline } from './offline-store';

/** "12.3 MB", "850 kB", in the interface's language. */
export function formatBytes(bytes: number, lang: string): string {
  const [value, unit] = bytes >= 1e9 ? [bytes / 1e9, 'gigabyte'] : bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : [bytes / 1e3, 'kilobyte'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

function DownloadProgressBar() {
  const { t, i18n } = useTranslation('offline');
  const progress = useOffline((s) => s.download.progress);
  const total = progress?.total ?? 0;
  const percent = total > 0 && progress ? Math.min(100, Math.floor((progress.loaded / total) * 100)) : 0;
  const size = (n: number) => formatBytes(n, i18n.language);
  return (
    <div className="loading offline-progress" role="progressbar" aria-label={t('panel.downloading')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div className="loading-label" data-testid="offline-progress">{t('panel.progress', { loaded: size(progress?.loaded ?? 0), total: size(total), percent })}</div>
      <div className="loading-track">
        <div className="loading-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

export function OfflinePanel({ id }: { id: string }) {
  const { t, i18n } = useTranslation('offline');
  const s = useOffline((state) => state);
  const [toFetch, setToFetch] = useState<{ bytes: number; files: number } | null>(null);
  const size = (n: number) => formatBytes(n, i18n.language);
  const downloading = s.download.status === 'downloading';

  useEffect(() => {
    void offlineActions.refresh();
    if (!s.online) return;
    let live = true;
    fetchManifest().then(
      (m) => live && setToFetch({ bytes: m.totalBytes, files: m.entries.length }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [s.online]);

  return (
    <section id={id} className="offline-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('panel.title')}</h2>
      <p className="offline-intro">{t('panel.intro')}</p>
      {toFetch && !s.saved && <p data-testid="offline-total">{t('panel.total', { size: size(toFetch.bytes), files: toFetch.files })}</p>}
      {(downloading || s.download.status === 'done') && <DownloadProgressBar />}
      {s.download.error && <p role="alert" className="error">{t('panel.failed', { error: s.download.error })}</p>}
      {s.saved && (
        <p data-testid="offline-stored">
          {t('panel.stored', { size: size(s.saved.bytes), files: s.saved.files })}
          <br />
          <small>{t('panel.version', { version: s.saved.version.slice(0, 8), date: new Date(s.saved.savedAt).toLocaleString(i18n.language) })}</small>
        </p>
      )}
      {s.storage && <p className="offline-storage">{t('panel.storage', { usage: size(s.storage.usage), quota: size(s.storage.quota) })}</p>}
      <p data-testid="offline-drills-ready">{s.user ? t('panel.drillsReady', { count: s.stocked }) : t('panel.signInForDrills')}</p>
      {s.waiting > 0 && <p>{t('status.waiting', { count: s.waiting })}</p>}
      {s.lastSync && s.lastSync.sent > 0 && <p>{t('status.synced', { count: s.lastSync.sent })}</p>}
      {s.lastSync && s.lastSync.refused > 0 && <p role="alert">{t('panel.refused', { count: s.lastSync.refused })}</p>}
      {!s.online && <p>{t('panel.needsConnection')}</p>}
      <div className="offline-actions">
        <button type="button" className="primary" disabled={downloading || !s.online} onClick={() => void offlineActions.makeAvailable()}>
          {s.saved ? t('panel.again') : t('panel.make')}
        </button>
        {s.waiting > 0 && (
          <button type="button" disabled={!!s.syncing} onClick={() => void offlineActions.sync()}>{t('panel.syncNow')}</button>
        )}
        {s.saved && !downloading && (
          <button type="button" className="secondary" onClick={() => void offlineActions.remove()}>{t('panel.remove')}</button>
        )}
      </div>
    </section>
  );
}
