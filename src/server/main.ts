/**
 * Composition root: reads the config, builds the app with its logger, listens, and shuts down
 * gracefully on SIGINT/SIGTERM (src/server/ops/shutdown.ts).
 * Run through `npm start` (src/server/cli/start.mjs), or `npx tsx src/server/main.ts`.
 */
import { fileURLToPath } from 'node:url';
import { createApp, type App } from './app';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { bootLine, loggerOptions } from './ops/logger';
import { handleShutdownSignals } from './ops/shutdown';
import { BuiltinPackError } from './startup';

export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<{ app: App; config: ServerConfig }> {
  const config = loadConfig(env);
  const app = await createApp(config, { logger: loggerOptions({ level: config.logLevel ?? 'info', format: config.logFormat ?? 'text' }) });
  await app.listen(config.port, config.host);
  const log = app.server.log;
  log.info({ port: config.port, host: config.host, database: app.database.kind }, `Twinspect ready at http://localhost:${config.port}`);
  if ((await app.users.count()) === 0) {
    log.info(
      'No accounts yet: guests can practise, and nothing of theirs is stored. Create the first admin with\n' +
        "  printf '%s' 'a-long-password' | npx twinspect user add you@agency.example --role admin --password-stdin\n" +
        (config.databaseUrl ? '' : '(on the embedded database, stop the server first: one process at a time opens it)\n') +
        'then sign in and add everyone else on the Users page.',
    );
  }
  return { app, config };
}

/** Starts the server and wires the signals; sets a non-zero exit code when start-up fails. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let started: Awaited<ReturnType<typeof startServer>>;
  try {
    started = await startServer(env);
  } catch (err) {
    const known = err instanceof ConfigError || err instanceof BuiltinPackError;
    const why = err instanceof Error ? (known ? err.message : (err.stack ?? err.message)) : String(err);
    bootLine(env, 'fatal', `twinspect: ${known ? '' : 'start-up failed: '}${why}`);
    process.exitCode = 1;
    return;
  }
  const { app, config } = started;
  handleShutdownSignals({ app, log: app.server.log, timeoutMs: config.shutdownTimeoutMs ?? 10_000, drainMs: config.shutdownDrainMs ?? 0 });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
