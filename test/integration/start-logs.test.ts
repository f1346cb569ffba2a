/**
 * `npm start` logs in the same format on every start: plain lines on a terminal (a pseudo-terminal made
 * with script(1)), JSON when the output is a pipe. The first start once logged JSON because vite's
 * build (which only the first start runs) set NODE_ENV=production in the process; the next ones logged
 * text. Each start here has a fresh data folder, so each prints the "create the first admin" hint.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';

const root = join(import.meta.dirname, '..', '..');
const haveScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
if (!haveScript) console.warn('\n!!! SKIPPING the terminal half of the start-log test: script(1) (util-linux) is not installed.\n');

const temp: string[] = [];
const fresh = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `twinspect-${name}-`));
  temp.push(dir);
  return dir;
};
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs `npm start`'s script until the first-admin hint is out, stops it, and gives back all it wrote (stdout and stderr). */
async function start(opts: { terminal: boolean; distDir: string }): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(await freePort()), HOST: '127.0.0.1', DATA_DIR: fresh('data'), DIST_DIR: opts.distDir };
  delete env.LOG_FORMAT;
  delete env.NODE_ENV; // vitest sets NODE_ENV=test; a newcomer's shell has none
  delete env.TWINSPECT_SKIP_BUILD;
  const command = `${process.execPath} src/server/cli/start.mjs`;
  const child = opts.terminal
    ? spawn('script', ['-qefc', command, '/dev/null'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(process.execPath, ['src/server/cli/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 240_000;
  while (!out.includes('Users page') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
  child.kill('SIGTERM');
  await exited;
  expect(out, out).toContain('Users page');
  return out.replace(/\r\n/g, '\n');
}

const lines = (out: string) => out.split('\n').filter((l) => l.trim() !== '');
const isJson = (line: string) => {
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
};

describe.concurrent('npm start logs the same way every time', () => {
  it.skipIf(!haveScript)('on a terminal: plain lines on the first start (which builds the client) and on the next', async () => {
    const distDir = join(fresh('dist'), 'dist');
    const first = await start({ terminal: true, distDir });
    const second = await start({ terminal: true, distDir });
    expect(first).toContain('Building the client (vite build)…');
    expect(second).not.toContain('Building the client');
    for (const out of [first, second]) {
      expect(lines(out).filter(isJson), out).toEqual([]);
      expect(lines(out)).toContainEqual(expect.stringMatching(/^Twinspect ready at http:\/\/localhost:\d+$/));
      // The hint reads as lines, not as one line with literal \n in it.
      expect(out).toMatch(/Create the first admin with\n {2}printf '%s' 'a-long-password' \| npx twinspect user add/);
    }
  }, 600_000);

  it('into a pipe: one JSON object per line, the start-up script\'s own lines included', async () => {
    const out = await start({ terminal: false, distDir: join(fresh('dist'), 'dist') });
    const all = lines(out);
    expect(all.filter((l) => !isJson(l)), out).toEqual([]);
    const messages = all.map((l) => JSON.parse(l) as { level: string; msg: string });
    expect(messages).toContainEqual(expect.objectContaining({ level: 'info', msg: 'Building the client (vite build)…' }));
    expect(messages.some((m) => m.msg.startsWith('Twinspect ready at http://localhost:'))).toBe(true);
    expect(messages.some((m) => m.msg.startsWith('No accounts yet'))).toBe(true);
  }, 600_000);
});
