/** The stage's toolbar: toggles, the examiner's tools, the overlay view and the XR buttons. */
import { xrReady, xrStore } from '../scene/xr-store';
import { compareActions, useCompare, type ExaminerTool } from './compare-store';
import { useSessionSupported } from './xr-support';

function Toggle({ pressed, onClick, children, title }: { pressed: boolean; onClick: () => void; children: string; title?: string }) {
  return (
    <button type="button" className="toggle" aria-pressed={pressed} onClick={onClick} title={title}>
      {children}
    </button>
  );
}

const tools: { tool: ExaminerTool; name: string; title: string }[] = [
  { tool: 'loupe', name: 'Loupe', title: 'A magnifying lens that follows the pointer' },
  { tool: 'ruler', name: 'Ruler', title: 'Click two points on one model to measure between them' },
];

async function enter(mode: 'ar' | 'vr') {
  for (let i = 0; i < 100 && !xrReady.connected; i++) await new Promise((r) => setTimeout(r, 50));
  await (mode === 'ar' ? xrStore.enterAR() : xrStore.enterVR());
}

export function Toolbar() {
  const showTells = useCompare((s) => s.showTells);
  const linkViews = useCompare((s) => s.linkViews);
  const tool = useCompare((s) => s.tool);
  const overlay = useCompare((s) => s.overlay);
  const uvLamp = useCompare((s) => s.uvLamp);
  const ar = useSessionSupported('immersive-ar');
  const vr = useSessionSupported('immersive-vr');
  return (
    <div className="toolbar" role="toolbar" aria-label="Stage tools">
      <Toggle pressed={showTells} onClick={compareActions.toggleTells}>Show tells</Toggle>
      <Toggle pressed={linkViews} onClick={compareActions.toggleLink} title="Turn both items together">Link views</Toggle>
      <span className="sep" />
      <Toggle pressed={overlay !== 'off'} onClick={() => compareActions.setOverlay(overlay === 'off' ? 'ghost' : 'off')} title="Superimpose the two items">Overlay</Toggle>
      {overlay !== 'off' && (
        <select aria-label="Overlay style" value={overlay} onChange={(e) => compareActions.setOverlay(e.target.value as 'ghost' | 'flicker')}>
          <option value="ghost">Ghosted</option>
          <option value="flicker">Flicker</option>
        </select>
      )}
      <span className="sep" />
      {tools.map((t) => (
        <Toggle key={t.tool} pressed={tool === t.tool} onClick={() => compareActions.setTool(t.tool)} title={t.title}>{t.name}</Toggle>
      ))}
      <Toggle pressed={uvLamp} onClick={compareActions.toggleUvLamp} title="Shows covert marks that glow under ultraviolet light">UV lamp</Toggle>
      <span className="grow" />
      {ar && <button type="button" className="xr" onClick={() => void enter('ar')}>Enter AR</button>}
      {vr && <button type="button" className="xr" onClick={() => void enter('vr')}>Enter VR</button>}
    </div>
  );
}
