/** The stage's toolbar: toggles, the examiner's tools, the overlay view and the XR buttons. */
import { xrReady, xrStore } from '../scene/xr-store';
import { compareActions, useCompare, type ExaminerTool } from '../scene/state/compare-store';
import { useSessionSupported } from './xr-support';
import { useReducedMotion } from '../scene/reduced-motion';
import { useTranslation } from 'react-i18next';

function Toggle({ pressed, onClick, children, title }: { pressed: boolean; onClick: () => void; children: string; title?: string }) {
  return (
    <button type="button" className="toggle" aria-pressed={pressed} onClick={onClick} title={title}>
      {children}
    </button>
  );
}

const tools: { tool: ExaminerTool; name: 'loupe' | 'rulerTool'; title: 'loupeTitle' | 'rulerTitle' }[] = [
  { tool: 'loupe', name: 'loupe', title: 'loupeTitle' },
  { tool: 'ruler', name: 'rulerTool', title: 'rulerTitle' },
];

async function enter(mode: 'ar' | 'vr') {
  for (let i = 0; i < 100 && !xrReady.connected; i++) await new Promise((r) => setTimeout(r, 50));
  await (mode === 'ar' ? xrStore.enterAR() : xrStore.enterVR());
}

/** `single`: one item on the stage (the inspection page): no linked views, no overlay. */
export function Toolbar({ single = false }: { single?: boolean } = {}) {
  const { t: tr } = useTranslation('compare');
  const showTells = useCompare((s) => s.showTells);
  const linkViews = useCompare((s) => s.linkViews);
  const tool = useCompare((s) => s.tool);
  const overlay = useCompare((s) => s.overlay);
  const uvLamp = useCompare((s) => s.uvLamp);
  const flickerShows = useCompare((s) => s.flickerShows);
  const reducedMotion = useReducedMotion();
  const ar = useSessionSupported('immersive-ar');
  const vr = useSessionSupported('immersive-vr');
  return (
    <div className="toolbar" role="toolbar" aria-label={tr('stageTools')}>
      <Toggle pressed={showTells} onClick={compareActions.toggleTells}>{tr('showTells')}</Toggle>
      {!single && <Toggle pressed={linkViews} onClick={compareActions.toggleLink} title={tr('linkViewsTitle')}>{tr('linkViews')}</Toggle>}
      <span className="sep" />
      {!single && <Toggle pressed={overlay !== 'off'} onClick={() => compareActions.setOverlay(overlay === 'off' ? 'ghost' : 'off')} title={tr('overlayTitle')}>{tr('overlay')}</Toggle>}
      {!single && overlay !== 'off' && (
        <select aria-label={tr('overlayStyle')} value={overlay} onChange={(e) => compareActions.setOverlay(e.target.value as 'ghost' | 'flicker')}>
          <option value="ghost">{tr('ghosted')}</option>
          <option value="flicker">{tr('flicker')}</option>
        </select>
      )}
      {!single && overlay === 'flicker' && reducedMotion && (
        <button type="button" onClick={compareActions.swapFlicker} title={tr('swapTitle')}>
          {tr(flickerShows === 'genuine' ? 'showCounterfeit' : 'showGenuine')}
        </button>
      )}
      <span className="sep" />
      {tools.map((t) => (
        <Toggle key={t.tool} pressed={tool === t.tool} onClick={() => compareActions.setTool(t.tool)} title={tr(t.title)}>{tr(t.name)}</Toggle>
      ))}
      <Toggle pressed={uvLamp} onClick={compareActions.toggleUvLamp} title={tr('uvTitle')}>{tr('uvLamp')}</Toggle>
      <span className="grow" />
      {ar && <button type="button" className="xr" onClick={() => void enter('ar')}>{tr('enterAr')}</button>}
      {vr && <button type="button" className="xr" onClick={() => void enter('vr')}>{tr('enterVr')}</button>}
    </div>
  );
}
