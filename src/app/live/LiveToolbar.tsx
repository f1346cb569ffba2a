/** The live stage's toolbar: the examiner's tools (as in drills: nothing that would show the answer) and the headset buttons. */
import { xrReady, xrStore } from '../../scene/xr-store';
import { compareActions, useCompare, type ExaminerTool } from '../compare-store';
import { useSessionSupported } from '../xr-support';

const tools: { tool: ExaminerTool; name: string; title: string }[] = [
  { tool: 'loupe', name: 'Loupe', title: 'A magnifying lens that follows the pointer' },
  { tool: 'ruler', name: 'Ruler', title: 'Click two points on one item to measure between them' },
];

async function enter(mode: 'ar' | 'vr') {
  for (let i = 0; i < 100 && !xrReady.connected; i++) await new Promise((r) => setTimeout(r, 50));
  await (mode === 'ar' ? xrStore.enterAR() : xrStore.enterVR());
}

export function LiveToolbar() {
  const tool = useCompare((s) => s.tool);
  const uvLamp = useCompare((s) => s.uvLamp);
  const ar = useSessionSupported('immersive-ar');
  const vr = useSessionSupported('immersive-vr');
  return (
    <div className="toolbar" role="toolbar" aria-label="Stage tools">
      {tools.map((t) => (
        <button key={t.tool} type="button" className="toggle" aria-pressed={tool === t.tool} onClick={() => compareActions.setTool(t.tool)} title={t.title}>{t.name}</button>
      ))}
      <button type="button" className="toggle" aria-pressed={uvLamp} onClick={compareActions.toggleUvLamp} title="Shows covert marks that glow under ultraviolet light">UV lamp</button>
      <span className="grow" />
      {ar && <button type="button" className="xr" onClick={() => void enter('ar')}>Enter AR</button>}
      {vr && <button type="button" className="xr" onClick={() => void enter('vr')}>Enter VR</button>}
    </div>
  );
}
