// A model check-worker (started by model-check-pool.ts): runs one job at a time, so that the
// validator, glTF-Transform and the image decoder work where a throw, a runaway allocation or a stack
// overflow costs only this thread. A plain .mjs that registers tsx itself, as usdz-worker.mjs does.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runModelJob, checkFailed, internalText } = await import('./model-job.ts');

parentPort.on('message', async ({ id, job, handBack }) => {
  let result;
  try {
    result = await runModelJob(job);
  } catch (err) {
    result = { ok: false, errors: [checkFailed(err, job.name)], internal: internalText(err) };
  }
  const out = result.ok && result.optimised ? [result.optimised.bytes.buffer] : [];
  // Bytes handed over are handed back (moved, not copied) with an accepted upload: the route stores them.
  if (handBack && result.ok && job.kind === 'upload' && job.bytes.buffer !== result.optimised.bytes.buffer) {
    result.original = job.bytes;
    out.push(job.bytes.buffer);
  }
  parentPort.postMessage({ id, result }, out);
});
