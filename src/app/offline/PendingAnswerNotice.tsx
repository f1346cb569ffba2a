/** In place of a drill's result, for an answer given offline: it waits on this device to be scored. */
import { useTranslation } from 'react-i18next';

export function PendingAnswerNotice() {
  const { t } = useTranslation('offline');
  return (
    <section className="offline-pending" role="status" data-testid="drill-pending">
      <h2>{t('drill.pendingTitle')}</h2>
      <p>{t('drill.pending')}</p>
    </section>
  );
}
