/**
 * The hostile-upload bench's load (hostile-figures.ts), in its own process so that the figures measure
 * the server and not the uploaders: reads a plan (JSON, one line) on stdin, posts each file again as
 * soon as its answer arrives, one loop per file, until "stop" arrives on stdin; prints "started" once
 * every loop has sent its first request, then the statuses it got as its last line (JSON).
 */
import { readFile } from 'node:fs/promises';

export interface HostileLoadPlan {
  baseUrl: string;
  cookie: string;
  uploads: { file: string; name: string; url: string }[];
}

export interface HostileLoadResult {
  /** Answers per status, e.g. { "422": 12 }. */
  statuses: Record<string, number>;
  uploads: number;
}

/** A multipart/form-data body with one file in the field `file`, as a browser sends it. */
export function multipartOf(name: string, bytes: Uint8Array): { body: Uint8Array<ArrayBuffer>; contentType: string } {
  const boundary = `----twinspect-bench-${Math.random().toString(36).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = new Uint8Array(Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]));
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function main() {
  let stop = false;
  let resolvePlan: (plan: HostileLoadPlan) => void;
  const planned = new Promise<HostileLoadPlan>((resolve) => (resolvePlan = resolve));
  let resolveStop: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStop = resolve));
  let received = '';
  process.stdin.on('data', (b: Buffer) => {
    received += b.toString();
    const lines = received.split('\n');
    if (lines.length > 1) resolvePlan(JSON.parse(lines[0]!) as HostileLoadPlan);
    if (lines.length > 2 || received.includes('\nstop')) {
      stop = true;
      resolveStop();
    }
  });
  process.stdin.on('end', () => {
    stop = true;
    resolveStop();
  });
  const plan = await planned;
  const result: HostileLoadResult = { statuses: {}, uploads: 0 };
  let first = 0;
  const loops = plan.uploads.map(async (u) => {
    const { body, contentType } = multipartOf(u.name, new Uint8Array(await readFile(u.file)));
    while (!stop) {
      const sent = fetch(`${plan.baseUrl}${u.url}`, { method: 'POST', body, headers: { cookie: plan.cookie, 'content-type': contentType } });
      if (++first === plan.uploads.length) console.log('started');
      const res = await sent;
      await res.arrayBuffer();
      result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
      result.uploads++;
    }
  });
  await stopped;
  await Promise.all(loops);
  console.log(JSON.stringify(result));
}

if (process.argv[1] === import.meta.filename) await main();
