/** The Scan page says where recognition runs in words, never the backend's name ("Detector: wasm"). */
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../../src/i18n/i18n';
import { runsOnKey } from '../../../../src/app/scan/runs-on';

describe('where recognition runs', () => {
  it('names the graphics card for webgl and webgpu, the processor for wasm and cpu', () => {
    expect(['webgl', 'webgpu', 'wasm', 'cpu', null].map(runsOnKey)).toEqual(['runsOnGpu', 'runsOnGpu', 'runsOnCpu', 'runsOnCpu', 'runsOnLoading']);
  });

  it('says it in words in every language, without a backend name', () => {
    for (const lng of ['en', 'es', 'fr']) {
      for (const backend of ['webgl', 'wasm', null]) {
        const text = i18n.t(runsOnKey(backend), { ns: 'scan', lng });
        expect(text, `${lng} ${backend}`).not.toMatch(/webgl|wasm|cpu|detector|runsOn/i);
        expect(text.length).toBeGreaterThan(10);
      }
    }
    expect(i18n.t('runsOnCpu', { ns: 'scan', lng: 'en' })).toBe('Recognition runs on this device (processor)');
  });
});
