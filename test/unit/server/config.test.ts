import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, logFormatOf } from '../../../src/server/config';

describe('loadConfig', () => {
  it('has defaults for everything but DATABASE_URL', () => {
    expect(loadConfig({}, '/srv/app', true)).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: resolve('/srv/app/data'),
      databaseUrl: undefined,
      contentDir: resolve('/srv/app/content'),
      distDir: resolve('/srv/app/dist'),
      logLevel: 'info',
      logFormat: 'text',
      trustProxy: false,
      shutdownTimeoutMs: 10_000,
      shutdownDrainMs: 0,
    });
  });

  it('reads every variable, resolving folders against the working directory', () => {
    const config = loadConfig(
      { PORT: '3000', HOST: '127.0.0.1', DATA_DIR: 'var', DATABASE_URL: 'postgres://u:p@db:5432/t', CONTENT_DIR: '/packs/a', DIST_DIR: 'out' },
      '/srv/app',
      true,
    );
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: resolve('/srv/app/var'),
      databaseUrl: 'postgres://u:p@db:5432/t',
      contentDir: resolve('/packs/a'),
      distDir: resolve('/srv/app/out'),
      logLevel: 'info',
      logFormat: 'text',
      trustProxy: false,
      shutdownTimeoutMs: 10_000,
      shutdownDrainMs: 0,
    });
  });

  it('logs plain lines on a terminal and JSON elsewhere, unless LOG_FORMAT says which', () => {
    expect(loadConfig({}, '/srv/app', true).logFormat).toBe('text');
    expect(loadConfig({}, '/srv/app', false).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'production' }, '/srv/app', true).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }, '/srv/app', true).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'TEXT' }, '/srv/app', false).logFormat).toBe('text');
    expect(logFormatOf({ LOG_FORMAT: 'xml' }, true)).toBeUndefined();
  });

  it('reads the logging, proxy and shutdown settings', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ logFormat: 'json', logLevel: 'info' });
    expect(loadConfig({ NODE_ENV: 'production', LOG_FORMAT: 'text', LOG_LEVEL: 'WARN' })).toMatchObject({ logFormat: 'text', logLevel: 'warn' });
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '30000', SHUTDOWN_DRAIN_MS: '5000' })).toMatchObject({ shutdownTimeoutMs: 30_000, shutdownDrainMs: 5000 });
  });

  it.each([
    [{ PORT: 'abc' }, "PORT must be an integer 1-65535, got 'abc'"],
    [{ PORT: '0' }, "PORT must be an integer 1-65535, got '0'"],
    [{ PORT: '65536' }, "PORT must be an integer 1-65535, got '65536'"],
    [{ PORT: '80.5' }, "PORT must be an integer 1-65535, got '80.5'"],
    [{ HOST: 'http://x' }, "HOST must be a host name or IP address, got 'http://x'"],
    [{ DATABASE_URL: 'not a url' }, "DATABASE_URL must be a URL like postgres://user:password@host:5432/db, got 'not a url'"],
    [{ DATABASE_URL: 'mysql://u:secret@h/db' }, "DATABASE_URL must start with postgres:// or postgresql://, got 'mysql://u:***@h/db'"],
    [{ SCAN_MODEL_URL: '//cdn.example/model.json' }, "SCAN_MODEL_URL must be a path like /models/coco-ssd/model.json or an http(s) URL of a model.json, got '//cdn.example/model.json'"],
    [{ SCAN_MODEL_URL: 'https://models.agency.example/ssd/' }, 'SCAN_MODEL_URL must be a path like'],
    [{ LOG_LEVEL: 'loud' }, "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'loud'"],
    [{ LOG_FORMAT: 'xml' }, "LOG_FORMAT must be json or text, got 'xml'"],
    [{ TRUST_PROXY: 'proxy.example' }, 'TRUST_PROXY must be true, false, a hop count or a comma-separated list'],
    [{ SHUTDOWN_TIMEOUT_MS: '10s' }, "SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds (0-9999999), got '10s'"],
    [{ SIGN_IN_ADDRESS_FAILURES: '0' }, "SIGN_IN_ADDRESS_FAILURES must be a whole number from 1 to 100000, got '0'"],
    [{ SIGN_IN_ACCOUNT_FAILURES: 'many' }, "SIGN_IN_ACCOUNT_FAILURES must be a whole number from 1 to 1000, got 'many'"],
  ])('rejects %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the sign-in limits, leaving the defaults to the throttle when unset', () => {
    expect(loadConfig({}).signInLimits).toBeUndefined();
    expect(loadConfig({ SIGN_IN_ADDRESS_FAILURES: '200' }).signInLimits).toEqual({ addressFailures: 200 });
    expect(loadConfig({ SIGN_IN_ADDRESS_FAILURES: '200', SIGN_IN_ACCOUNT_FAILURES: '3' }).signInLimits).toEqual({ addressFailures: 200, accountFailures: 3 });
  });

  it('takes SCAN_MODEL_URL as a path on this server or an http(s) URL of a model.json', () => {
    expect(loadConfig({}).scanModelUrl).toBeUndefined();
    expect(loadConfig({ SCAN_MODEL_URL: '/models/other/model.json' }).scanModelUrl).toBe('/models/other/model.json');
    expect(loadConfig({ SCAN_MODEL_URL: 'https://models.agency.example/ssd/model.json' }).scanModelUrl).toBe('https://models.agency.example/ssd/model.json');
  });
});
