import type { ScanOutcome } from '../../domain/recognition';
import { navigate } from '../route';
import { percent } from './DetectionBoxes';

/** The catalogue's products that match what the detector sees, best first, each one tap from its comparison. */
export function ScanResults({ outcome, source }: { outcome: ScanOutcome | null; source: 'camera' | 'photo' | null }) {
  if (!outcome || !source) return null;
  const seen = outcome.detections.map((d) => `${d.cocoClass} ${percent(d.score)}`).join(', ');
  if (outcome.matches.length === 0) {
    return (
      <p className="scan-status" role="status">
        {outcome.detections.length === 0
          ? source === 'camera'
            ? 'Nothing recognised yet. Hold the item in view, well lit.'
            : 'Nothing recognised in this photo. Try another picture of the item.'
          : `No product in the catalogue matches what the ${source === 'camera' ? 'camera sees' : 'photo shows'} (it sees: ${seen}).`}
      </p>
    );
  }
  return (
    <>
      <p className="scan-status" role="status">
        It sees: {seen}.
      </p>
      <ul className="scan-matches" aria-label="Matching products">
        {outcome.matches.map((m) => (
          <li key={m.productId} className="scan-match">
            <div className="scan-match-head">
              <strong>{m.productName}</strong>
              <span className="scan-match-score">{percent(m.score)}</span>
            </div>
            <div className="scan-match-bar" role="meter" aria-label={`${m.productName} match`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(m.score * 100)}>
              <div style={{ width: `${Math.round(Math.min(1, Math.max(0, m.score)) * 100)}%` }} />
            </div>
            <div className="scan-match-foot">
              <span className="scan-match-by">
                {m.by === 'photo' ? 'looks like its reference photos' : `a ${outcome.detections[m.detection]?.cocoClass ?? 'matching object'}, as this product is`}
              </span>
              <button type="button" className="primary" aria-label={`Open ${m.productName}`} onClick={() => navigate({ page: 'catalogue', product: m.productId })}>
                Open
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
