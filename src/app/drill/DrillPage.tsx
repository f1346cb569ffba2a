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
import { cameraScanLinks } from '../camera-scan-links';
import { DrillItems } from '../../scene/drill/DrillItems';
import { compareActions, useCompare, type ExaminerTool } from '../../scene/state/compare-store';
import { LoadingBar } from '../LoadingBar';
import { navigate, useRoute } from '../route';
import { useSession } from '../session';
import { DrillPanel } from './DrillPanel';
import { drillStore, useDrill } from '../../scene/state/drill-store';
import { drillActions } from './drill-actions';
import { drillKindOf, KIND_INFO } from './kinds';
import { useDrillTestHook } from './test-hook';
import './drill.css';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../../i18n/text';

function StageLoading() {
  const { active, progress } = useProgress();
  const loading = useDrill((s) => s.status === 'loading');
  const { t } = useTranslation('drill');
  if (!active && !loading) return null;
  return (
    <div className="stage-loading">
      <LoadingBar label={loading ? t('preparing') : t('common:loading3d')} progress={loading ? undefined : progress} />
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
  const { t: tr } = useTranslation('drill');
  const tools: { tool: ExaminerTool; name: string; title: string }[] = [
    { tool: 'loupe', name: tr('compare:loupe'), title: tr('compare:loupeTitle') },
    { tool: 'ruler', name: tr('compare:rulerTool'), title: tr('rulerTitle') },
  ];
  return (
    <div className="toolbar" role="toolbar" aria-label={tr('compare:stageTools')}>
      {twoItems && <Toggle pressed={linkViews} onClick={compareActions.toggleLink} title={tr('compare:linkViewsTitle')}>{tr('compare:linkViews')}</Toggle>}
      {twoItems && <span className="sep" />}
      {tools.map((t) => (
        <Toggle key={t.tool} pressed={tool === t.tool} onClick={() => compareActions.setTool(t.tool)} title={t.title}>{t.name}</Toggle>
      ))}
      <Toggle pressed={uvLamp} onClick={compareActions.toggleUvLamp} title={tr('compare:uvTitle')}>{tr('compare:uvLamp')}</Toggle>
    </div>
  );
}

function StartScreen({ productId }: { productId: string | null }) {
  const { loaded, user } = useSession();
  const { t } = useTranslation('drill');
  return (
    <main className="page drill-start">
      <button className="link" onClick={() => navigate({})}>{t('compare:backToCatalogue')}</button>
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      {loaded && !user && (
        <p className="drill-guest-note" role="note">{t('guestNote')}</p>
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
  const { t } = useTranslation('drill');
  const text = useLocalText();
  const name = text(useDrill((s) => s.question?.product.name));
  return (
    <main className="compare drill">
      <section className="stage-area" aria-label={name ? t('stageLabel', { kind: KIND_INFO[kind].name, name }) : KIND_INFO[kind].name}>
        <DrillToolbar />
        {renderQuality().webgl ? (
          <Stage cameraScan={cameraScanLinks}>
            <DrillItems />
          </Stage>
        ) : (
          <p role="alert" className="no-webgl">
            {t('noWebgl')}
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
