/**
 * The real server as its own process (node --import tsx src/server/main.ts), for the scale-out test and
 * the sessions benchmark: accounts made with the `twinspect user add` command beforehand, the process
 * started with the given environment on 127.0.0.1, and its CPU time read from /proc. No built client
 * is needed: the server runs without a dist folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

export interface Account {
  email: string;
  role: 'admin' | 'instructor' | 'trainee';
  name: string;
}

/** Adds an account with `twinspect user add ... --password-stdin` on the database that `env` names. */
export function addAccount(env: Record<string, string>, account: Account, password: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = ['src/server/cli/twinspect.mjs', 'user', 'add', account.email, '--role', account.role, '--name', account.name, '--password-stdin'];
    const p = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    p.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    p.stdin!.end(password);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`twinspect user add ${account.email} exited ${code}: ${err}`))));
  });
}

export interface ServerProcess {
  baseUrl: string;
  port: number;
  pid: number;
  /** What the process wrote to stderr so far (errors, warnings). */
  errors(): string;
  /** What the process wrote to stdout so far (its log lines). */
  output(): string;
  /** Resolves with the exit code once the process has exited (null: killed by a signal). */
  exited: Promise<number | null>;
  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** CPU seconds of a process from /proc/<pid>/stat (utime + stime, in clock ticks of 1/100 s on Linux). */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Starts the server with `env` (PORT and HOST are set here) and resolves once it prints that it is ready; `nodeArgs` e.g. --cpu-prof. */
export async function startServerProcess(env: Record<string, string>, port: number, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server on port ${port} did not print "Twinspect ready" within 90 s:\n${stderr}`)), 90_000);
    child.stdout!.on('data', (b: Buffer) => {
      if (!b.toString().includes('Twinspect ready at')) return;
      clearTimeout(timer);
      resolve();
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server on port ${port} exited early (${child.exitCode}):\n${stderr}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    errors: () => stderr,
    output: () => stdout,
    exited,
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
