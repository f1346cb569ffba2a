/**
 * One product in the studio: the author's editor (variants, models, the 3D view where clicks place,
 * move and link tells, the tell form, photos) and, for a reviewer while it is in review, the review
 * panel beside the same view, read-only.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { SessionUser } from '../../domain/roles';
import { storedFileOf, storedFileUrl } from '../../domain/stored-file';
import { LoadingBar } from '../LoadingBar';
import { navigate } from '../route';
import { hasRole } from '../session';
import { handleStudioKey, pickOnModel } from './actions';
import { documentOf, editorActions, useEditor } from './editor-store';
import { PhotoList } from './PhotoList';
import { ReviewPanel } from './ReviewPanel';
import { StatusBadge } from './StudioPage';
import { StudioToolbar } from './StudioToolbar';
import { TellForm } from './TellForm';
import { VariantList } from './VariantList';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../../i18n/text';
import { categoryLabel, severityLabel, tellCategoryLabel } from '../labels';
import { ProductTexts, TextLanguagePicker } from './TextFields';
import { ProductContact } from './ProductContact';
import { UnfinishedList } from './UnfinishedList';

const StudioView = lazy(() => import('../../scene/studio/StudioView').then((m) => ({ default: m.StudioView })));

export function ProductEditor({ productId, user }: { productId: string; user: SessionUser }) {
  const { t: tr } = useTranslation('studio');
  const text = useLocalText();
  const [loadError, setLoadError] = useState<string | null>(null);
  const state = useEditor((s) => s);
  const doc = documentOf(state);
  const author = hasRole(user, ['author', 'admin']);
  const reviewing = hasRole(user, ['reviewer', 'admin']) && state.status === 'in_review';
  const readOnly = !author || state.status === 'in_review';

  useEffect(() => {
    setLoadError(null);
    editorActions.open(productId).catch((e: Error) => setLoadError(e.message));
    return () => editorActions.close();
  }, [productId]);
  useEffect(() => {
    if (readOnly) return;
    window.addEventListener('keydown', handleStudioKey);
    return () => window.removeEventListener('keydown', handleStudioKey);
  }, [readOnly]);

  if (loadError) return <main className="page"><p role="alert" className="error">{loadError}</p></main>;
  if (!doc || doc.id !== productId) return <main className="page"><LoadingBar label={tr('loadingProduct')} /></main>;

  const variantIndex = doc.variants.findIndex((v) => v.id === state.variantId);
  const variant = doc.variants[variantIndex];
  const ref = variant && storedFileOf(variant.model);
  const pins =
    variant?.kind === 'counterfeit'
      ? variant.tells.map((t, i) => ({ id: t.id, n: i + 1, at: t.at }))
      : doc.variants
          .filter((v) => v.kind === 'counterfeit' && (!state.linkFrom || v.id === state.linkFrom))
          .flatMap((v) => v.tells.map((t, i) => ({ id: t.id, n: i + 1, at: t.genuineAt })));
  const tellIndex = variant?.tells.findIndex((t) => t.id === state.tellId) ?? -1;
  const tell = variant?.tells[tellIndex];
  const issues = state.error?.issues ?? [];
  const returned = state.comments.filter((c) => c.decision === 'return');

  return (
    <main className="compare studio-editor">
      <section className="stage-area" aria-label={tr('stageLabel', { name: text(doc.name), variant: variant ? text(variant.label) : tr('noModelYet') })}>
        {!readOnly && <StudioToolbar />}
        {ref ? (
          <Suspense fallback={<LoadingBar label={tr('loadingView')} />}>
            <StudioView
              url={storedFileUrl(ref.sha256)}
              pins={pins}
              selectedId={variant.kind === 'counterfeit' || state.mode === 'link' ? state.tellId : null}
              onPick={readOnly ? undefined : pickOnModel}
              onSelectPin={(id) => variant.kind === 'counterfeit' && editorActions.selectTell(id)}
            />
          </Suspense>
        ) : (
          <p className="lead studio-empty">{tr('addModelsHint')}</p>
        )}
        {!readOnly && ref && <p className="studio-hint" role="status">{variant.kind === 'genuine' && state.mode !== 'link' ? tr('genuineNoTells') : tr(`modeHints.${state.mode}`)}</p>}
      </section>
      <aside className="side-panel" aria-label={tr('product')}>
        <button className="link" onClick={() => navigate({ page: 'studio' })}>{tr('allProducts')}</button>
        <h2 className="product-title">{text(doc.name)}</h2>
        <p className="product-meta">
          {tr('meta', { brand: doc.brand, category: categoryLabel(doc.category), hsCode: doc.hsCode, version: state.version })} {state.status && <StatusBadge status={state.status} />}
        </p>
        {state.notice && <p role="status" className="upload-result">{state.notice}</p>}
        {state.status === 'in_review' && !reviewing && <p className="tell-sub">{tr('withReviewers')}</p>}
        {state.error && (
          <div role="alert" className="upload-refused">
            <p className="error">{state.error.message}</p>
            <button className="link" onClick={editorActions.dismissError}>{tr('dismiss')}</button>
          </div>
        )}
        {returned.length > 0 && author && (
          <section aria-label={tr('reviewerComments')} className="tell-card">
            <h3>{tr('sentBack')}</h3>
            {returned.map((c, i) => <p key={i}>{tr('versionComment', { version: c.version, body: c.body })}</p>)}
          </section>
        )}
        {reviewing && <ReviewPanel productId={productId} />}
        {!readOnly && <UnfinishedList doc={doc} />}
        <TextLanguagePicker />
        <ProductTexts doc={doc} readOnly={readOnly} issues={issues} />
        <ProductContact doc={doc} readOnly={readOnly} issues={issues} />
        <VariantList doc={doc} selectedId={state.variantId} readOnly={readOnly} issues={issues} />
        {variant?.kind === 'counterfeit' && (
          <section aria-label={tr('tells')} className="studio-section">
            <h3>{tr('tellsOn', { label: text(variant.label) })}</h3>
            <ol className="tell-list">
              {variant.tells.map((t, i) => (
                <li key={t.id}>
                  <button className="tell-item" aria-pressed={t.id === state.tellId} onClick={() => editorActions.selectTell(t.id)}>
                    <span className="pin-badge">{i + 1}</span>
                    <span className="tell-title">{text(t.title)}</span>
                    <span className="tell-sub">{tellCategoryLabel(t.category)} · {severityLabel(t.severity)}</span>
                  </button>
                </li>
              ))}
            </ol>
            {tell && <TellForm variantId={variant.id} variantIndex={variantIndex} tell={tell} tellIndex={tellIndex} readOnly={readOnly} issues={issues} />}
          </section>
        )}
        <PhotoList doc={doc} readOnly={readOnly} />
      </aside>
    </main>
  );
}
