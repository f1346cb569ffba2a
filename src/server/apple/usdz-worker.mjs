// The USDZ export in a worker thread (started by usdz-thread.ts), so that reading a GLB and writing
// its USDZ (0.05–0.6 s of CPU a model) never holds up the server's requests and live sessions.
// A plain .mjs that registers tsx itself: the worker works the same under `npm start`, the tests
// and `node --import tsx`.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { glbToUsdz } = await import('./usdz-export.ts');

parentPort.on('message', async ({ id, glb }) => {
  try {
    const { bytes, warnings } = await glbToUsdz(glb);
    parentPort.postMessage({ id, ok: true, bytes, warnings }, [bytes.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
