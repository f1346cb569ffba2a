/**
 * A throwaway Redis for the scale-out test: Debian's redis-server on 127.0.0.1 and a free port, with
 * nothing saved to disk, stopped after the test.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { freePort } from '../../support/free-port';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

export function findRedisServer(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin', '/usr/local/bin'];
  return dirs.map((d) => join(d, 'redis-server')).find((f) => existsSync(f));
}

export const NO_REDIS_MESSAGE =
  'redis-server was not found on PATH nor in /usr/bin. Install it (Debian: apt-get install redis-server), ' +
  'or set TWINSPECT_SKIP_POSTGRES=1 to skip the suites that need servers beside Node.';

export async function startRedis(): Promise<TestRedis> {
  const bin = findRedisServer();
  if (!bin) throw new Error(NO_REDIS_MESSAGE);
  const port = await freePort();
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not get ready within 20 s:\n${output}`)), 20_000);
    const read = (b: Buffer) => {
      output += b.toString();
      if (!output.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(() => reject(new Error(`redis-server exited (${child.exitCode}):\n${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
