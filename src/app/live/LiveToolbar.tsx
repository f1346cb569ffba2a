/** The live stage's toolbar: the examiner's tools (as in drills: nothing that would show the answer) and the headset buttons. */
import { xrReady, xrStore } from '../../scene/xr-store';
import { compareActions, useCompare, type ExaminerTool } from '../../scene/state/compare-store';
import { useSessionSupported } from '../xr-support';
import { i18n } from '../../i18n/i18n';

const tools: { tool: ExaminerTool; name: string; title: string }[] = [
  { tool: 'loupe', name: 'compare:loupe', title: 'compare:loupeTitle' },
  { tool: 'ruler', name: 'compare:rulerTool', title: 'drill:rulerTitle' },
];

async function enter(mode: 'ar' | 'vr') {
  for (let i = 0; i < 100 && !xrReady.connected; i++) await new Promise((r) => setTimeout(r, 50));
  await (mode === 'ar' ? xrStore.enterAR() : xrStore.enterVR());
}

/** `waiting`: no round yet, so nothing to examine: the examiner's tools are not offered (the headset buttons are). */
export function LiveToolbar({ waiting = false }: { waiting?: boolean }) {
  const tool = useCompare((s) => s.tool);
  const uvLamp = useCompare((s) => s.uvLamp);
  const ar = useSessionSupported('immersive-ar');
  const vr = useSessionSupported('immersive-vr');
  return (
    <div className="toolbar" role="toolbar" aria-label={i18n.t('compare:stageTools')}>
      {!waiting && (
        <>
          {tools.map((t) => (
            <button key={t.tool} type="button" className="toggle" aria-pressed={tool === t.tool} onClick={() => compareActions.setTool(t.tool)} title={i18n.t(t.title)}>{i18n.t(t.name)}</button>
          ))}
          <button type="button" className="toggle" aria-pressed={uvLamp} onClick={compareActions.toggleUvLamp} title={i18n.t('compare:uvTitle')}>{i18n.t('compare:uvLamp')}</button>
        </>
      )}
      <span className="grow" />
      {ar && <button type="button" className="xr" onClick={() => void enter('ar')}>{i18n.t('compare:enterAr')}</button>}
      {vr && <button type="button" className="xr" onClick={() => void enter('vr')}>{i18n.t('compare:enterVr')}</button>}
    </div>
  );
}
