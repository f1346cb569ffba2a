/** The reviewer's panel: what changed since the last published version, a comment, Publish or Send back. */
import { useEffect, useState } from 'react';
import { ApiError } from '../api';
import { editorStore } from './editor-store';
import { studioApi, type ProductDiff } from './studio-api';
import { useTranslation } from 'react-i18next';

export function ReviewPanel({ productId }: { productId: string }) {
  const { t } = useTranslation('studio');
  const [diff, setDiff] = useState<ProductDiff | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void studioApi.diff(productId).then(setDiff, (e: Error) => setError(e.message)), [productId]);

  async function decide(decision: 'publish' | 'return') {
    setError(null);
    try {
      const v = await studioApi.review(productId, decision, comment.trim() || undefined);
      // The panel closes with the review; the editor shows the outcome.
      editorStore.setState({ status: v.status, notice: t(decision === 'publish' ? 'publishedNotice' : 'returnedNotice', { version: v.version }) });
    } catch (e) {
      setError(e instanceof ApiError && !e.translated && e.issues[0] ? e.issues[0].message : e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section aria-label={t('review')} className="studio-section review-panel">
      <h3>{t('review')}</h3>
      {diff && (
        <>
          <p className="tell-sub">{diff.from === null ? t('firstVersion', { to: diff.to }) : t('changesFrom', { from: diff.from, to: diff.to })}</p>
          <ul className="diff-list" aria-label={t('changes')}>
            {diff.changes.map((c, i) => <li key={i}>{c}</li>)}
          </ul>
        </>
      )}
      <label className="field">
        {t('comment')}
        <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <div className="upload-row">
        <button className="primary" onClick={() => void decide('publish')}>{t('publish')}</button>
        <button onClick={() => void decide('return')}>{t('sendBack')}</button>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
