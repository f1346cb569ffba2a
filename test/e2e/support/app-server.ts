/**
 * Builds what the app needs (client bundle, built-in models) and starts the real server on a free
 * port with a fresh PGlite folder. Used by the browser tests and the benchmarks.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port';

export const root = join(import.meta.dirname, '..', '..', '..');

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: root, env: opts.env ?? process.env, stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'inherit', 'inherit'] });
    if (opts.input !== undefined) p.stdin!.end(opts.input);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

/** The accounts the browser tests sign in with, made through the `twinspect user add` command. */
export const PASSWORD = 'correct-horse-battery';
export const ACCOUNTS = {
  admin: { email: 'ada@agency.test', name: 'Ada Admin', role: 'admin' },
  instructor: { email: 'ines@agency.test', name: 'Ines Instructor', role: 'instructor' },
  trainee: { email: 'tess@agency.test', name: 'Tess Trainee', role: 'trainee' },
  author: { email: 'aude@agency.test', name: 'Aude Author', role: 'author' },
  reviewer: { email: 'remi@agency.test', name: 'Remi Reviewer', role: 'reviewer' },
  examiner: { email: 'erin@agency.test', name: 'Erin Examiner', role: 'examiner' },
  examiner2: { email: 'ezra@agency.test', name: 'Ezra Examiner', role: 'examiner' },
} as const;

export async function buildApp(): Promise<void> {
  await run('npx', ['tsx', 'assets-3d/generate.ts', '--missing', '--quiet']);
  await run('npx', ['vite', 'build', '--logLevel', 'warn']);
}

export interface RunningApp {
  baseUrl: string;
  stop(): Promise<void>;
}

/** `env` is added to the server's environment; `port` replaces the random one (for a callback URL known in advance). */
export async function startApp(opts: { accounts?: boolean; env?: Record<string, string>; port?: number } = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'twinspect-app-'));
  const port = opts.port ?? (await freePort());
  if (opts.accounts) {
    for (const a of Object.values(ACCOUNTS)) {
      await run(process.execPath, ['src/server/cli/twinspect.mjs', 'user', 'add', a.email, '--role', a.role, '--name', a.name, '--password-stdin'], {
        env: { ...process.env, DATA_DIR: dataDir },
        input: PASSWORD,
      });
    }
  }
  // Node itself (not an npx wrapper), so that stopping it stops the server.
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...opts.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not print "Twinspect ready" within 90 s')), 90_000);
    server.stdout!.on('data', (b: Buffer) => {
      if (b.toString().includes('Twinspect ready at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`the server exited early (${code})`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}


