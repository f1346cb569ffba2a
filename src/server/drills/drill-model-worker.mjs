// Drill models are made on a worker thread (started by drill-model-thread.ts): reading a study
// model and re-encoding it with its textures takes 50–300 ms of CPU, which must never hold up the
// server's requests and live sessions. A plain .mjs that registers tsx itself, like usdz-worker.mjs.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { readStudy, remakeForDrill } = await import('./drill-model.ts');

/** Study models read once, by key (product and file), a few at a time. */
const studies = new Map();
const KEEP = 24;

async function studyOf(key, bytes) {
  let study = studies.get(key);
  if (study && study.length === bytes.length) {
    studies.delete(key);
  } else {
    study = { length: bytes.length, model: readStudy(bytes) };
  }
  studies.set(key, study);
  if (studies.size > KEEP) studies.delete(studies.keys().next().value);
  return study.model;
}

parentPort.on('message', async ({ id, kind, key, bytes, seed, ceiling }) => {
  try {
    const study = await studyOf(key, bytes);
    if (kind === 'counts') {
      parentPort.postMessage({ id, ok: true, counts: study.counts });
    } else {
      const out = await remakeForDrill(study, seed, ceiling);
      parentPort.postMessage({ id, ok: true, bytes: out }, [out.buffer]);
    }
  } catch (err) {
    studies.delete(key);
    parentPort.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
