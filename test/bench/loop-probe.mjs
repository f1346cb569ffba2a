// Preloaded into the server process by the hostile-upload bench (node --import ./test/bench/loop-probe.mjs):
// the server's own event-loop delay over a window the bench opens and closes with SIGUSR2. The first
// signal resets the histogram and starts it; the next writes its figures (ms) to LOOP_PROBE_FILE.
import { renameSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.LOOP_PROBE_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let open = false;
  process.on('SIGUSR2', () => {
    if (!open) {
      delay.reset();
      delay.enable();
      open = true;
      writeFileSync(file, 'open');
      return;
    }
    delay.disable();
    open = false;
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    writeFileSync(`${file}.part`, JSON.stringify({ p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) }));
    renameSync(`${file}.part`, file); // whole, never half-written
  });
}
