/** The study page: the stage with its toolbar, and the side panel with the tells. */
import { useEffect, useMemo, useState } from 'react';
import type { Product } from '../domain/catalogue';
import { ComparisonPair } from '../scene/ComparisonPair';
import { PairProbe } from '../scene/PairProbe';
import { renderQuality } from '../scene/render-quality';
import { Stage } from '../scene/Stage';
import { resetTurntables } from '../scene/turntable';
import { api } from './api';
import { compareActions, pairOf, useCompare } from './compare-store';
import { LoadingBar } from './LoadingBar';
import { StageLoading } from './StageLoading';
import { navigate } from './route';
import { SidePanel } from './SidePanel';
import { Toolbar } from './Toolbar';

export function ComparePage({ productId, variantId }: { productId: string; variantId: string | null }) {
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
        <button onClick={() => navigate({ product: null, variant: null })}>Back to the catalogue</button>
      </main>
    );
  }
  if (!product || !pair || product.id !== productId) return <main className="page"><LoadingBar label="Loading the product" /></main>;
  return (
    <main className="compare">
      <section className="stage-area" aria-label={`${product.name}: genuine and counterfeit side by side`}>
        <Toolbar />
        {renderQuality().webgl ? (
          <Stage>
            <ComparisonPair genuine={pair.genuine} counterfeit={pair.counterfeit} genuineSide={genuineSide} study />
            <PairProbe />
          </Stage>
        ) : (
          <p role="alert" className="no-webgl">
            This browser cannot show 3D (WebGL is turned off or missing). Turn on hardware acceleration, or open Twinspect in a current Chrome, Edge, Firefox or Safari. The tells are still listed beside.
          </p>
        )}
        <StageLoading />
      </section>
      <SidePanel product={product} pair={pair} genuineSide={genuineSide} />
    </main>
  );
}

