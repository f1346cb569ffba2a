/**
 * Starts the real app once for the browser tests: builds the client and the built-in models when
 * missing, then runs the server on a free port with a fresh PGlite folder and the real content/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM } from './support/browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = join(import.meta.dirname, '..', '..');

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM} (apt-get install chromium). They are required, not skipped.`);
  }
  if (!existsSync(join(root, 'content/products/aurele-no7-perfume/models/genuine.glb'))) await run('npx', ['tsx', 'assets-3d/generate.ts']);
  await run('npx', ['vite', 'build', '--logLevel', 'warn']);
  const dataDir = mkdtempSync(join(tmpdir(), 'twinspect-e2e-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server: ChildProcess = spawn('npx', ['tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
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
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
