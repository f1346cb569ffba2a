/**
 * The top bar's connection indicator: online or offline, the answers waiting to sync and the sync
 * in progress. It opens the offline panel (make the catalogue available offline, what is stored).
 * It also starts offline use for the app: the service worker, the connection listeners, the queue.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { OfflinePanel } from './OfflinePanel';
import { offlineActions, useOffline } from './offline-store';
import { registerServiceWorker } from './service-worker';
import './offline.css';

export function OfflineStatus() {
  const { t } = useTranslation('offline');
  const { user, loaded } = useSession();
  const online = useOffline((s) => s.online);
  const waiting = useOffline((s) => s.waiting);
  const syncing = useOffline((s) => s.syncing);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    void registerServiceWorker();
    return offlineActions.start();
  }, []);
  useEffect(() => {
    if (loaded) void offlineActions.setUser(user);
  }, [loaded, user]);

  return (
    <div className="offline-status">
      <button
        type="button"
        className={`offline-indicator ${online ? 'is-online' : 'is-offline'}`}
        aria-expanded={open}
        aria-controls="offline-panel"
        title={t('status.toggle')}
        data-testid="offline-indicator"
        onClick={() => setOpen((o) => !o)}
      >
        <span className="offline-dot" aria-hidden />
        <span data-testid="offline-connection">{online ? t('status.online') : t('status.offline')}</span>
        <span aria-live="polite" className="offline-sync">
          {syncing ? (
            <span data-testid="offline-syncing">{t('status.syncing', { done: syncing.done, total: syncing.total })}</span>
          ) : (
            waiting > 0 && <span data-testid="offline-waiting">{t('status.waiting', { count: waiting })}</span>
          )}
        </span>
      </button>
      {open && <OfflinePanel id="offline-panel" />}
    </div>
  );
}
