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

const StudioView = lazy(() => import('../../scene/studio/StudioView').then((m) => ({ default: m.StudioView })));

const MODE_HINTS = {
  place: 'Click the counterfeit\'s surface to place a tell.',
  move: 'Click the surface to move the selected tell there.',
  link: 'Click the matching spot on the genuine model to link the selected tell.',
} as const;

export function ProductEditor({ productId, user }: { productId: string; user: SessionUser }) {
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
  if (!doc || doc.id !== productId) return <main className="page"><LoadingBar label="Loading the product" /></main>;

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
      <section className="stage-area" aria-label={`${doc.name}: ${variant?.label ?? 'no model yet'}`}>
        {!readOnly && <StudioToolbar />}
        {ref ? (
          <Suspense fallback={<LoadingBar label="Loading the 3D view" />}>
            <StudioView
              url={storedFileUrl(ref.sha256)}
              pins={pins}
              selectedId={variant.kind === 'counterfeit' || state.mode === 'link' ? state.tellId : null}
              onPick={readOnly ? undefined : pickOnModel}
              onSelectPin={(id) => variant.kind === 'counterfeit' && editorActions.selectTell(id)}
            />
          </Suspense>
        ) : (
          <p className="lead studio-empty">Add the genuine model and each counterfeit (GLB or glTF) under Variants.</p>
        )}
        {!readOnly && ref && <p className="studio-hint" role="status">{variant.kind === 'genuine' && state.mode !== 'link' ? 'The genuine model has no tells: choose a counterfeit to place them.' : MODE_HINTS[state.mode]}</p>}
      </section>
      <aside className="side-panel" aria-label="Product">
        <button className="link" onClick={() => navigate({ page: 'studio' })}>← All products</button>
        <h2 className="product-title">{doc.name}</h2>
        <p className="product-meta">
          {doc.brand} · {doc.category} · HS {doc.hsCode} · version {state.version} {state.status && <StatusBadge status={state.status} />}
        </p>
        {state.notice && <p role="status" className="upload-result">{state.notice}</p>}
        {state.status === 'in_review' && !reviewing && <p className="tell-sub">With the reviewers: it can be changed once they publish or return it.</p>}
        {state.error && (
          <div role="alert" className="upload-refused">
            <p className="error">{state.error.message}</p>
            <button className="link" onClick={editorActions.dismissError}>Dismiss</button>
          </div>
        )}
        {returned.length > 0 && author && (
          <section aria-label="Reviewer's comments" className="tell-card">
            <h3>Sent back by the reviewer</h3>
            {returned.map((c, i) => <p key={i}>Version {c.version}: {c.body}</p>)}
          </section>
        )}
        {reviewing && <ReviewPanel productId={productId} />}
        <VariantList doc={doc} selectedId={state.variantId} readOnly={readOnly} issues={issues} />
        {variant?.kind === 'counterfeit' && (
          <section aria-label="Tells" className="studio-section">
            <h3>Tells on {variant.label}</h3>
            <ol className="tell-list">
              {variant.tells.map((t, i) => (
                <li key={t.id}>
                  <button className="tell-item" aria-pressed={t.id === state.tellId} onClick={() => editorActions.selectTell(t.id)}>
                    <span className="pin-badge">{i + 1}</span>
                    <span className="tell-title">{t.title}</span>
                    <span className="tell-sub">{t.category} · {t.severity}</span>
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
