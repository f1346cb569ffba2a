/**
 * Composition root: reads the config, builds the app, listens, and shuts down cleanly on SIGINT/SIGTERM.
 * Run through `npm start` (src/server/cli/start.mjs), or `npx tsx src/server/main.ts`.
 */
import { fileURLToPath } from 'node:url';
import { createApp, type App } from './app';
import { ConfigError, loadConfig } from './config';
import { BuiltinPackError } from './startup';

export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<App> {
  const config = loadConfig(env);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  console.log(`Twinspect ready at http://localhost:${config.port}`);
  if ((await app.users.count()) === 0) {
    console.log(
      'No accounts yet: guests can practise, and nothing of theirs is stored. Create the first admin with\n' +
        "  printf '%s' 'a-long-password' | npx twinspect user add you@agency.example --role admin --password-stdin\n" +
        (config.databaseUrl ? '' : '(on the embedded database, stop the server first: one process at a time opens it)\n') +
        'then sign in and add everyone else on the Users page.',
    );
  }
  return app;
}

/** Starts the server and wires the signals; sets a non-zero exit code when start-up fails. */
export async function main(): Promise<void> {
  let app: App;
  try {
    app = await startServer();
  } catch (err) {
    if (err instanceof ConfigError || err instanceof BuiltinPackError) console.error(`twinspect: ${err.message}`);
    else console.error('twinspect: start-up failed:', err);
    process.exitCode = 1;
    return;
  }
  const stop = (signal: NodeJS.Signals) => {
    console.log(`Twinspect stopping (${signal})`);
    const force = setTimeout(() => {
      console.error('twinspect: shutdown took over 10 s, exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    app.close().then(
      () => {
        process.exitCode = 0;
      },
      (err: unknown) => {
        console.error('twinspect: error during shutdown:', err);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
