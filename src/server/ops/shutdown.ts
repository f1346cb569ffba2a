/**
 * Graceful shutdown on SIGTERM or SIGINT: stop taking new work at once (/readyz 503, live joins
 * refused), keep serving for the drain time, then close (live rooms save their sessions, requests in
 * flight finish, the database is closed and its lock released) and exit 0. A second signal, a failure,
 * or the timeout exits 1 at once.
 */
import type { FastifyBaseLogger } from 'fastify';

export interface Stoppable {
  stopAccepting(): void;
  close(): Promise<void>;
}

export interface ShutdownOptions {
  app: Stoppable;
  log: FastifyBaseLogger;
  /** From the signal to a forced exit. */
  timeoutMs: number;
  /** How long /readyz says 503 while the server still serves. */
  drainMs: number;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

export function handleShutdownSignals(opts: ShutdownOptions): void {
  const { app, log, timeoutMs, drainMs } = opts;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, `Twinspect: second ${signal}, exiting now`);
      return exit(1);
    }
    stopping = true;
    const started = Date.now();
    log.info({ signal, timeoutMs, drainMs }, `Twinspect stopping (${signal}): no new work is taken; live sessions are saved`);
    app.stopAccepting();
    const force = setTimeout(() => {
      log.error({ timeoutMs }, `Twinspect: shutdown took over ${timeoutMs} ms, exiting`);
      exit(1);
    }, timeoutMs);
    force.unref();
    new Promise((resolve) => setTimeout(resolve, drainMs))
      .then(() => app.close())
      .then(
        () => {
          clearTimeout(force);
          log.info({ durationMs: Date.now() - started }, 'Twinspect stopped');
          exit(0);
        },
        (err: unknown) => {
          clearTimeout(force);
          log.error({ err }, 'Twinspect: error during shutdown');
          exit(1);
        },
      );
  };
  for (const signal of opts.signals ?? (['SIGTERM', 'SIGINT'] as NodeJS.Signals[])) process.on(signal, onSignal);
}
