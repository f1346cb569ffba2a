/** The study page: the stage with its toolbar, and the side panel with the tells. */
import { useEffect, useMemo, useState } from 'react';
import type { Product } from '../domain/catalogue';
import { ComparisonPair } from '../scene/ComparisonPair';
import { PairProbe } from '../scene/PairProbe';
import { renderQuality } from '../scene/render-quality';
import { Stage } from '../scene/Stage';
import { cameraScanLinks } from './camera-scan-links';
import { resetTurntables } from '../scene/turntable';
import { api } from './api';
import { compareActions, pairOf, useCompare } from '../scene/state/compare-store';
import { LoadingBar } from './LoadingBar';
import { StageLoading } from './StageLoading';
import { QuickLookLinks } from './QuickLookLinks';
import { navigate } from './route';
import { SidePanel } from './SidePanel';
import { Toolbar } from './Toolbar';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../i18n/text';

export function ComparePage({ productId, variantId }: { productId: string; variantId: string | null }) {
  const { t } = useTranslation('compare');
  const text = useLocalText();
  const [error, setError] = useState<string | null>(null);
  const product = useCompare((s) => s.product);
  const counterfeitId = useCompare((s) => s.counterfeitId);
  const genuineSide = useCompare((s) => s.genuineSide);
  const pair = useMemo(() => pairOf(product, counterfeitId), [product, counterfeitId]);

  useEffect(() => {
    let live = true;
    setError(null);
    api.product(productId).then(
      (p: Product) => {
        if (!live) return;
        resetTurntables();
        compareActions.open(p, variantId);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
      compareActions.close();
    };
  }, [productId, variantId]);

  if (error) {
    return (
      <main className="page">
        <p role="alert" className="error">{error}</p>
        <button onClick={() => navigate({ product: null, variant: null })}>{t('back')}</button>
      </main>
    );
  }
  if (!product || !pair || product.id !== productId) return <main className="page"><LoadingBar label={t('loadingProduct')} /></main>;
  return (
    <main className="compare">
      <section className="stage-area" aria-label={t('stageLabel', { name: text(product.name) })}>
        <Toolbar />
        {renderQuality().webgl ? (
          <Stage cameraScan={cameraScanLinks}>
            <ComparisonPair genuine={pair.genuine} counterfeit={pair.counterfeit} genuineSide={genuineSide} study />
            <PairProbe />
          </Stage>
        ) : (
          <p role="alert" className="no-webgl">
            {t('noWebgl')}
          </p>
        )}
        <StageLoading />
        <QuickLookLinks product={product} pair={pair} genuineSide={genuineSide} />
      </section>
      <SidePanel product={product} pair={pair} genuineSide={genuineSide} />
    </main>
  );
}

