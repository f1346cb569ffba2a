/**
 * The drills: ?page=drill shows the three kinds to choose from; &kind=<kind> runs one (on
 * &product=<id> if given, else whatever the server picks). The stage is the study mode's, so items
 * turn, and the loupe, ruler and UV lamp work, just as when studying; the canvas stays up from one
 * drill to the next.
 */
import { useProgress } from '@react-three/drei';
import { useEffect } from 'react';
import { DRILL_KINDS, type DrillKind } from '../../domain/drill';
import { renderQuality } from '../../scene/render-quality';
import { Stage } from '../../scene/Stage';
import { DrillItems } from '../../scene/drill/DrillItems';
import { compareActions, useCompare, type ExaminerTool } from '../compare-store';
import { LoadingBar } from '../LoadingBar';
import { navigate, useRoute } from '../route';
import { useSession } from '../session';
import { DrillPanel } from './DrillPanel';
import { drillActions, drillStore, useDrill } from './drill-store';
import { drillKindOf, KIND_INFO } from './kinds';
import { useDrillTestHook } from './test-hook';
import './drill.css';

function StageLoading() {
  const { active, progress } = useProgress();
  const loading = useDrill((s) => s.status === 'loading');
  if (!active && !loading) return null;
  return (
    <div className="stage-loading">
      <LoadingBar label={loading ? 'Preparing the drill' : 'Loading 3D models'} progress={loading ? undefined : progress} />
    </div>
  );
}

function Toggle({ pressed, onClick, children, title }: { pressed: boolean; onClick: () => void; children: string; title?: string }) {
  return (
    <button type="button" className="toggle" aria-pressed={pressed} onClick={onClick} title={title}>
      {children}
    </button>
  );
}

/** The examiner's tools, as in study mode; no "Show tells" or overlay, which would give the answer away. */
function DrillToolbar() {
  const linkViews = useCompare((s) => s.linkViews);
  const tool = useCompare((s) => s.tool);
  const uvLamp = useCompare((s) => s.uvLamp);
  const twoItems = useDrill((s) => (s.question?.items.length ?? 2) > 1);
  const tools: { tool: ExaminerTool; name: string; title: string }[] = [
    { tool: 'loupe', name: 'Loupe', title: 'A magnifying lens that follows the pointer' },
    { tool: 'ruler', name: 'Ruler', title: 'Click two points on one item to measure between them' },
  ];
  return (
    <div className="toolbar" role="toolbar" aria-label="Stage tools">
      {twoItems && <Toggle pressed={linkViews} onClick={compareActions.toggleLink} title="Turn both items together">Link views</Toggle>}
      {twoItems && <span className="sep" />}
      {tools.map((t) => (
        <Toggle key={t.tool} pressed={tool === t.tool} onClick={() => compareActions.setTool(t.tool)} title={t.title}>{t.name}</Toggle>
      ))}
      <Toggle pressed={uvLamp} onClick={compareActions.toggleUvLamp} title="Shows covert marks that glow under ultraviolet light">UV lamp</Toggle>
    </div>
  );
}

function StartScreen({ productId }: { productId: string | null }) {
  const { loaded, user } = useSession();
  return (
    <main className="page drill-start">
      <button className="link" onClick={() => navigate({})}>← Catalogue</button>
      <h1>Drills</h1>
      <p className="lead">Test your eye: no tells are shown until you answer. Choose a drill.</p>
      {loaded && !user && (
        <p className="drill-guest-note" role="note">Practising as a guest: nothing is saved. Sign in to track progress.</p>
      )}
      <ul className="drill-kinds">
        {DRILL_KINDS.map((kind) => (
          <li key={kind}>
            <button type="button" className="drill-kind-card" onClick={() => navigate({ page: 'drill', product: productId, kind })}>
              <span className="card-name">{KIND_INFO[kind].name}</span>
              <span className="card-brand">{KIND_INFO[kind].blurb}</span>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}

function DrillView({ kind, productId }: { kind: DrillKind; productId: string | null }) {
  const name = useDrill((s) => s.question?.product.name);
  return (
    <main className="compare drill">
      <section className="stage-area" aria-label={name ? `${KIND_INFO[kind].name}: ${name}` : KIND_INFO[kind].name}>
        <DrillToolbar />
        {renderQuality().webgl ? (
          <Stage>
            <DrillItems />
          </Stage>
        ) : (
          <p role="alert" className="no-webgl">
            This browser cannot show 3D (WebGL is turned off or missing), and drills need it. Turn on hardware acceleration, or open Twinspect in a current Chrome, Edge, Firefox or Safari.
          </p>
        )}
        <StageLoading />
      </section>
      <DrillPanel kind={kind} productId={productId} />
    </main>
  );
}

export function DrillPage() {
  const route = useRoute();
  const kind = drillKindOf(route.kind);
  const productId = route.product;
  useDrillTestHook();

  // The route says which drill: start it when it differs from the one in the store (so a StrictMode re-run, or coming back to it, does not start another).
  useEffect(() => {
    const s = drillStore.getState();
    if (!kind) {
      if (s.status !== 'idle') drillActions.reset();
      return;
    }
    if (s.status === 'idle' || s.kind !== kind || s.productId !== productId) void drillActions.start(kind, productId);
  }, [kind, productId]);

  // Study mode's tools start off for a drill, and are put away when leaving (not on StrictMode's rehearsal, when the page is still ?page=drill).
  useEffect(() => {
    compareActions.close();
    return () => {
      if (new URLSearchParams(location.search).get('page') === 'drill') return;
      drillActions.reset();
      compareActions.close();
    };
  }, []);

  return kind ? <DrillView kind={kind} productId={productId} /> : <StartScreen productId={productId} />;
}
