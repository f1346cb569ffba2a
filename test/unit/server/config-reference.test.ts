/** The configuration reference cannot drift: README.md's table is what SETTINGS generates, and SETTINGS names exactly what loadConfig reads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGN_IN_LIMITS } from '../../../src/server/auth/sign-in-throttle';
import { loadConfig, SETTINGS } from '../../../src/server/config';
import { configTable, END_MARKER, START_MARKER, withConfigTable } from '../../../src/server/ops/config-reference';
import { DEFAULT_ACTIVITY_BASE } from '../../../src/server/xapi/lrs-config';

const README = join(import.meta.dirname, '..', '..', '..', 'README.md');

/** A value for every setting that loadConfig accepts, so that every reader runs (OIDC and the LRS only read the rest when switched on). */
const EVERYTHING: Record<string, string> = {
  PORT: '3000', HOST: '127.0.0.1', DATA_DIR: 'var', DATABASE_URL: 'postgres://u:p@db:5432/t', CONTENT_DIR: 'content', DIST_DIR: 'dist',
  OIDC_ISSUER: 'https://login.agency.example', OIDC_CLIENT_ID: 'twinspect', OIDC_CLIENT_SECRET: 's3cret', OIDC_REDIRECT_URL: 'https://t.example/cb', OIDC_DEFAULT_ROLE: 'trainee',
  LRS_ENDPOINT: 'https://lrs.example/xapi/', LRS_USERNAME: 'u', LRS_PASSWORD: 'p', XAPI_ACCOUNT_HOMEPAGE: 'https://accounts.example', XAPI_ACTIVITY_BASE: 'https://t.example/xapi',
  REDIS_URL: 'redis://127.0.0.1:6379', PUBLIC_ADDRESS: '10.0.0.1:8080', SCAN_MODEL_URL: '/models/x/model.json',
  LOG_LEVEL: 'warn', LOG_FORMAT: 'json', NODE_ENV: 'production', TRUST_PROXY: '1', SHUTDOWN_TIMEOUT_MS: '5000', SHUTDOWN_DRAIN_MS: '0',
  SIGN_IN_ADDRESS_FAILURES: '30', SIGN_IN_ACCOUNT_FAILURES: '5',
};

describe('the configuration reference', () => {
  it("is README.md's table, between its markers (run npm run config:reference after changing a setting)", () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toContain(START_MARKER);
    expect(readme).toContain(END_MARKER);
    expect(withConfigTable(readme), 'README.md is out of date: run npm run config:reference').toBe(readme);
  });

  it('lists exactly the variables that loadConfig reads', () => {
    const read = new Set<string>();
    const env = new Proxy(EVERYTHING, { get: (target, key: string) => (read.add(key), target[key]) });
    loadConfig(env, '/srv/app');
    const listed = SETTINGS.filter((s) => !s.startOnly).map((s) => s.name);
    expect([...read].sort()).toEqual([...listed].sort());
    expect(Object.keys(EVERYTHING).sort()).toEqual([...listed].sort());
  });

  it('gives every setting a type and a description, and shows the defaults the code uses', () => {
    for (const s of SETTINGS) expect(s.type.length * s.description.length, s.name).toBeGreaterThan(0);
    expect(new Set(SETTINGS.map((s) => s.name)).size).toBe(SETTINGS.length);
    const defaults = loadConfig({}, '/srv/app');
    const shown = Object.fromEntries(SETTINGS.map((s) => [s.name, s.default]));
    expect(shown).toMatchObject({ PORT: String(defaults.port), HOST: defaults.host, LOG_LEVEL: defaults.logLevel, XAPI_ACTIVITY_BASE: DEFAULT_ACTIVITY_BASE });
    expect(shown).toMatchObject({ SHUTDOWN_TIMEOUT_MS: String(defaults.shutdownTimeoutMs), SHUTDOWN_DRAIN_MS: String(defaults.shutdownDrainMs), TRUST_PROXY: String(defaults.trustProxy) });
    expect(shown).toMatchObject({ SIGN_IN_ADDRESS_FAILURES: String(DEFAULT_SIGN_IN_LIMITS.addressFailures), SIGN_IN_ACCOUNT_FAILURES: String(DEFAULT_SIGN_IN_LIMITS.accountFailures) });
  });

  it('escapes pipes inside a cell', () => {
    expect(configTable([{ name: 'X', type: 'a | b', description: 'c' }])).toContain('| `X` | a \\| b | — | c |');
  });
});
