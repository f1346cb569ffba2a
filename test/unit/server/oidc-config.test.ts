import { describe, expect, it } from 'vitest';
import { readOidcConfig } from '../../../src/server/auth/oidc';
import { ConfigError } from '../../../src/server/config';

const base = { OIDC_ISSUER: 'https://login.customs.example/realms/staff', OIDC_CLIENT_ID: 'twinspect', OIDC_CLIENT_SECRET: 'xyz s3cret' };

const errorOf = (env: Record<string, string | undefined>) => {
  try {
    readOidcConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('no error');
};

describe('readOidcConfig', () => {
  it('is off when none of the three variables is set', () => {
    expect(readOidcConfig({})).toBeUndefined();
    expect(readOidcConfig({ OIDC_ISSUER: ' ', OIDC_REDIRECT_URL: 'https://x.example/cb', OIDC_DEFAULT_ROLE: 'author' })).toBeUndefined();
  });

  it('reads the settings, with the trainee default role and a redirect derived per request', () => {
    const config = readOidcConfig(base)!;
    expect(config).toEqual({ issuer: base.OIDC_ISSUER, clientId: 'twinspect', redirectUrl: undefined, defaultRole: 'trainee' });
    expect(config.clientSecret).toBe('xyz s3cret');
    expect(JSON.stringify(config)).not.toContain('s3cret');
    const full = readOidcConfig({ ...base, OIDC_REDIRECT_URL: 'https://twinspect.customs.example/api/auth/oidc/callback', OIDC_DEFAULT_ROLE: 'instructor' })!;
    expect(full.redirectUrl).toBe('https://twinspect.customs.example/api/auth/oidc/callback');
    expect(full.defaultRole).toBe('instructor');
  });

  it('names the missing variables when only some are set', () => {
    expect(errorOf({ OIDC_ISSUER: base.OIDC_ISSUER })).toMatch(/^OIDC_CLIENT_ID, OIDC_CLIENT_SECRET must be set too.*got only OIDC_ISSUER$/);
    expect(errorOf({ ...base, OIDC_CLIENT_SECRET: '' })).toMatch(/^OIDC_CLIENT_SECRET must be set too/);
  });

  it('wants an absolute https issuer (plain http only on this machine)', () => {
    expect(errorOf({ ...base, OIDC_ISSUER: 'login.customs.example' })).toBe(
      "OIDC_ISSUER must be an absolute http(s) URL like https://login.agency.example/realms/staff, got 'login.customs.example'",
    );
    expect(errorOf({ ...base, OIDC_ISSUER: 'ftp://login.customs.example' })).toMatch(/^OIDC_ISSUER must be an absolute http\(s\) URL/);
    expect(errorOf({ ...base, OIDC_ISSUER: 'http://login.customs.example' })).toBe(
      "OIDC_ISSUER must use https (plain http only for 127.0.0.1 or localhost), got 'http://login.customs.example'",
    );
    expect(readOidcConfig({ ...base, OIDC_ISSUER: 'http://127.0.0.1:4000' })!.issuer).toBe('http://127.0.0.1:4000');
    expect(readOidcConfig({ ...base, OIDC_ISSUER: 'http://localhost:4000/realms/x' })!.issuer).toBe('http://localhost:4000/realms/x');
  });

  it('checks the redirect URL and the default role (never admin)', () => {
    expect(errorOf({ ...base, OIDC_REDIRECT_URL: '/api/auth/oidc/callback' })).toMatch(/^OIDC_REDIRECT_URL must be an absolute http\(s\) URL.*got '\/api\/auth\/oidc\/callback'$/);
    expect(errorOf({ ...base, OIDC_DEFAULT_ROLE: 'admin' })).toBe(
      "OIDC_DEFAULT_ROLE must be one of trainee, examiner, instructor, author, reviewer (admin is given only by an administrator), got 'admin'",
    );
    expect(errorOf({ ...base, OIDC_DEFAULT_ROLE: 'boss' })).toMatch(/got 'boss'$/);
  });
});
