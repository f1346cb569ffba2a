import { lazy, Suspense } from 'react';
import { CataloguePage } from './CataloguePage';
import { LoadingBar } from './LoadingBar';
import { useRoute } from './route';

/** The 3D stage (three, React Three Fiber, WebXR) loads only when a product is opened. */
const ComparePage = lazy(() => import('./ComparePage').then((m) => ({ default: m.ComparePage })));
/** ?bench=empty: the same canvas with nothing on it, the baseline the benchmarks compare against. */
const EmptyStage = lazy(() => import('../scene/Stage').then((m) => ({ default: () => <m.Stage>{null}</m.Stage> })));

export function App() {
  const route = useRoute();
  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="/" aria-label="Twinspect home">
          <span className="brand-mark" aria-hidden>◐</span> Twinspect
        </a>
        <span className="mode-badge">Guest practice · study mode</span>
      </header>
      {new URLSearchParams(location.search).get('bench') === 'empty' ? (
        <Suspense fallback={null}>
          <main className="compare"><section className="stage-area"><EmptyStage /></section></main>
        </Suspense>
      ) : route.product ? (
        <Suspense fallback={<main className="page"><LoadingBar label="Loading the 3D stage" /></main>}>
          <ComparePage productId={route.product} variantId={route.variant} />
        </Suspense>
      ) : (
        <CataloguePage />
      )}
    </div>
  );
}
