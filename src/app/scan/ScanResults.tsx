import type { ScanOutcome } from '../../domain/recognition';
import { navigate } from '../route';
import { useTranslation } from 'react-i18next';
import { percent, useLocalText } from '../../i18n/text';
import { useSession } from '../session';
import { canInspect } from '../inspect/access';

/** The catalogue's products that match what the detector sees, best first, each one tap from its comparison. */
export function ScanResults({ outcome, source }: { outcome: ScanOutcome | null; source: 'camera' | 'photo' | null }) {
  const { t } = useTranslation('scan');
  const text = useLocalText();
  const { t: ti } = useTranslation('inspect');
  const inspector = canInspect(useSession().user);
  if (!outcome || !source) return null;
  const seen = outcome.detections.map((d) => `${d.cocoClass} ${percent(d.score)}`).join(', ');
  if (outcome.matches.length === 0) {
    return (
      <p className="scan-status" role="status">
        {outcome.detections.length === 0
          ? source === 'camera'
            ? t('nothingYet')
            : t('nothingInPhoto')
          : t(source === 'camera' ? 'noMatchCamera' : 'noMatchPhoto', { seen })}
      </p>
    );
  }
  return (
    <>
      <p className="scan-status" role="status">
        {t('itSees', { seen })}
      </p>
      <ul className="scan-matches" aria-label={t('matching')}>
        {outcome.matches.map((m) => (
          <li key={m.productId} className="scan-match">
            <div className="scan-match-head">
              <strong>{text(m.productName)}</strong>
              <span className="scan-match-score">{percent(m.score)}</span>
            </div>
            <div className="scan-match-bar" role="meter" aria-label={t('matchLabel', { name: text(m.productName) })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(m.score * 100)}>
              <div style={{ width: `${Math.round(Math.min(1, Math.max(0, m.score)) * 100)}%` }} />
            </div>
            <div className="scan-match-foot">
              <span className="scan-match-by">
                {m.by === 'photo' ? t('byPhoto') : t('byClass', { cocoClass: outcome.detections[m.detection]?.cocoClass ?? t('matchingObject') })}
              </span>
              <button type="button" className="primary" aria-label={t('openProduct', { name: text(m.productName) })} onClick={() => navigate({ page: 'catalogue', product: m.productId })}>
                {t('open')}
              </button>
              {inspector && (
                <button type="button" className="primary" aria-label={ti('inspectMatch', { name: text(m.productName) })} onClick={() => navigate({ page: 'inspect', product: m.productId })}>
                  {ti('inspectShort')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
