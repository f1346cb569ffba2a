import { describe, expect, it } from 'vitest';
import { readLrsConfig } from '../../../src/server/xapi/lrs-config';

const base = { LRS_ENDPOINT: 'https://lrs.customs.example/xapi', LRS_USERNAME: 'twinspect', LRS_PASSWORD: 's3cret pass' };

describe('readLrsConfig', () => {
  it('is off without LRS_ENDPOINT', () => {
    expect(readLrsConfig({})).toBeUndefined();
    expect(readLrsConfig({ LRS_ENDPOINT: '  ', LRS_USERNAME: 'u' })).toBeUndefined();
  });

  it('reads the endpoint (adding the trailing /), Basic auth and defaults', () => {
    const config = readLrsConfig(base)!;
    expect(config).toEqual({
      endpoint: 'https://lrs.customs.example/xapi/',
      statementsUrl: 'https://lrs.customs.example/xapi/statements',
      username: 'twinspect',
      accountHomePage: 'https://lrs.customs.example',
      activityBase: 'https://twinspect.local/xapi',
    });
    expect(config.authorization).toBe(`Basic ${Buffer.from('twinspect:s3cret pass').toString('base64')}`);
  });

  it('keeps the password out of JSON and logs', () => {
    const config = readLrsConfig(base)!;
    expect(JSON.stringify(config)).not.toContain(Buffer.from('twinspect:s3cret pass').toString('base64'));
    expect(Object.keys(config)).not.toContain('authorization');
  });

  it('reads the account homepage and activity base', () => {
    const config = readLrsConfig({
      ...base,
      LRS_ENDPOINT: 'http://127.0.0.1:9000/',
      XAPI_ACCOUNT_HOMEPAGE: 'https://id.customs.example/officers',
      XAPI_ACTIVITY_BASE: 'https://training.customs.example/xapi/',
    })!;
    expect(config.statementsUrl).toBe('http://127.0.0.1:9000/statements');
    expect(config.accountHomePage).toBe('https://id.customs.example/officers');
    expect(config.activityBase).toBe('https://training.customs.example/xapi');
  });

  it.each([
    [{ LRS_ENDPOINT: 'lrs.example/xapi' }, "LRS_ENDPOINT must be an absolute http(s) URL like https://lrs.example/xapi/, got 'lrs.example/xapi'"],
    [{ LRS_ENDPOINT: 'ftp://lrs.example/' }, "LRS_ENDPOINT must be an absolute http(s) URL like https://lrs.example/xapi/, got 'ftp://lrs.example/'"],
    [{ LRS_ENDPOINT: 'https://u:pw@lrs.example/' }, "LRS_ENDPOINT must not hold credentials (set LRS_USERNAME and LRS_PASSWORD), got 'https://u:***@lrs.example/'"],
    [{ LRS_ENDPOINT: 'https://lrs.example/x?a=1' }, "LRS_ENDPOINT must be an absolute http(s) URL like https://lrs.example/xapi/ with no query or fragment, got 'https://lrs.example/x?a=1'"],
    [{ LRS_USERNAME: undefined }, 'LRS_USERNAME must be set when LRS_ENDPOINT is set (the LRS Basic auth user), got nothing'],
    [{ LRS_USERNAME: 'a:b' }, "LRS_USERNAME must not contain ':' (Basic auth), got 'a:b'"],
    [{ LRS_PASSWORD: '' }, 'LRS_PASSWORD must be set when LRS_ENDPOINT is set (the LRS Basic auth password), got nothing'],
    [{ XAPI_ACCOUNT_HOMEPAGE: 'urn:twinspect:accounts' }, "XAPI_ACCOUNT_HOMEPAGE must be an IRL (absolute http(s) URL) for the agency's account system, got 'urn:twinspect:accounts'"],
    [{ XAPI_ACTIVITY_BASE: 'twinspect/xapi' }, "XAPI_ACTIVITY_BASE must be an absolute http(s) URL like https://twinspect.example/xapi, got 'twinspect/xapi'"],
  ])('rejects %o', (over, message) => {
    expect(() => readLrsConfig({ ...base, ...over })).toThrow(message);
    try {
      readLrsConfig({ ...base, ...over });
    } catch (err) {
      expect((err as Error).name).toBe('ConfigError');
      expect((err as Error).message).not.toContain('s3cret');
    }
  });
});
