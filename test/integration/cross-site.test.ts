/**
 * Cross-site requests: a state-changing request that a browser marks as coming from another site
 * (Sec-Fetch-Site, else Origin) is refused with 403 cross_site_request before it does anything; the
 * app's own pages, and clients that are no browser (no Origin, no Sec-Fetch-Site), go through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app';
import { noisePng } from '../unit/server/uploads/upload-fixtures';
import { PASSWORD, signedIn, type Client } from './support/app-client';
import { rowCount } from './support/studio';
import { testConfig } from './support/test-config';

let app: App;
let instructor: Client;
let author: Client;

beforeAll(async () => {
  app = await createApp(await testConfig());
  instructor = await signedIn(app, 'ines@agency.test', 'instructor');
  author = await signedIn(app, 'ada@agency.test', 'author');
});
afterAll(() => app?.close());

/** A JSON request as a browser page sends it, with the given headers (Host is localhost:80 in inject). */
async function json(client: Client, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET', url: string, body: unknown, headers: Record<string, string>) {
  return app.server.inject({ method, url, headers: { ...headers, cookie: client.cookie! }, ...(body === undefined ? {} : { payload: body as object }) });
}

/** One file as multipart/form-data, as the studio's upload sends it. */
async function upload(headers: Record<string, string>) {
  const boundary = '----cross-site-boundary';
  const png = await noisePng(8);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="front.png"\r\nContent-Type: image/png\r\n\r\n`),
    Buffer.from(png),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.server.inject({
    method: 'POST',
    url: '/api/studio/uploads',
    payload,
    headers: { ...headers, cookie: author.cookie!, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const groupCount = async () => (await instructor.request('GET', '/api/groups')).json.length as number;

describe('a state-changing request from another site', () => {
  it('is refused by Origin: a JSON POST creates no group', async () => {
    const before = await groupCount();
    const res = await json(instructor, 'POST', '/api/groups', { name: 'Planted by evil.example' }, { origin: 'http://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'cross_site_request' });
    expect(res.json().message).toMatch(/another site/);
    expect(await groupCount()).toBe(before);
  });

  it('is refused by Sec-Fetch-Site, which wins over Origin (cross-site and same-site alike)', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const res = await json(instructor, 'POST', '/api/groups', { name: 'x' }, { 'sec-fetch-site': site, origin: 'http://localhost' });
      expect(res.statusCode, site).toBe(403);
      expect(res.json().error).toBe('cross_site_request');
    }
  });

  it('is refused for PUT, PATCH and DELETE too, and for an opaque Origin (null)', async () => {
    const res = await json(instructor, 'DELETE', '/api/groups/any/members/any', undefined, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect((await json(instructor, 'PATCH', '/api/users/x', { role: 'admin' }, { origin: 'null' })).statusCode).toBe(403);
    expect((await json(author, 'PUT', '/api/studio/products/x/draft', {}, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
  });

  it('is refused for a multipart upload, before anything is stored', async () => {
    const before = await rowCount(app, 'stored_files');
    const res = await upload({ origin: 'http://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('cross_site_request');
    expect(await rowCount(app, 'stored_files')).toBe(before);
    const bySite = await upload({ 'sec-fetch-site': 'cross-site' });
    expect(bySite.statusCode).toBe(403);
    expect(await rowCount(app, 'stored_files')).toBe(before);
  });

  it('is refused at sign-in (no login CSRF)', async () => {
    const res = await app.server.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { origin: 'http://evil.example' }, payload: { email: 'ines@agency.test', password: PASSWORD } });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('a read from another site is not refused (GET changes nothing; CORS keeps its answer from the other site)', async () => {
    expect((await json(instructor, 'GET', '/api/groups', undefined, { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' })).statusCode).toBe(200);
  });
});

describe('requests from the app itself, and from clients that are no browser', () => {
  it('same-origin by Sec-Fetch-Site, or by an Origin that is the Host, go through', async () => {
    const bySite = await json(instructor, 'POST', '/api/groups', { name: 'By Sec-Fetch-Site' }, { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' });
    expect(bySite.statusCode, bySite.body).toBe(201);
    // Plain http on a LAN address: no Sec-Fetch-Site, the Origin names the Host (a default port in either is the same).
    const lan = await json(instructor, 'POST', '/api/groups', { name: 'Over the LAN' }, { host: '192.168.1.20:8080', origin: 'http://192.168.1.20:8080' });
    expect(lan.statusCode, lan.body).toBe(201);
    expect((await json(instructor, 'POST', '/api/groups', { name: 'Default port' }, { host: 'twinspect.lan', origin: 'http://TWINSPECT.lan' })).statusCode).toBe(201);
    const typed = await json(instructor, 'POST', '/api/groups', { name: 'Typed address' }, { 'sec-fetch-site': 'none' });
    expect(typed.statusCode).toBe(201);
  });

  it('an Origin on another port of the same host is another origin', async () => {
    const res = await json(instructor, 'POST', '/api/groups', { name: 'x' }, { host: '192.168.1.20:8080', origin: 'http://192.168.1.20:9999' });
    expect(res.statusCode).toBe(403);
  });

  it('a same-origin multipart upload and a request with neither header (CLI, scripts, tests) go through', async () => {
    const res = await upload({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await upload({})).statusCode).toBe(201);
    expect((await instructor.request('POST', '/api/groups', { name: 'From a script' })).status).toBe(201);
  });
});

describe('behind a reverse proxy (TRUST_PROXY)', () => {
  it("compares the Origin with the proxy's X-Forwarded-Host only when the proxy is trusted", async () => {
    const behind = await createApp({ ...(await testConfig()), trustProxy: ['127.0.0.1'] });
    try {
      const ines = await signedIn(behind, 'ines@agency.test', 'instructor');
      const send = (remoteAddress: string) =>
        behind.server.inject({
          method: 'POST',
          url: '/api/groups',
          remoteAddress,
          payload: { name: 'Through the proxy' },
          headers: { cookie: ines.cookie!, host: '127.0.0.1:8080', 'x-forwarded-host': 'twinspect.agency.example', 'x-forwarded-proto': 'https', origin: 'https://twinspect.agency.example' },
        });
      expect((await send('127.0.0.1')).statusCode).toBe(201);
      // Not from the proxy: its X-Forwarded-Host is not believed, and the Origin is not the Host.
      expect((await send('203.0.113.7')).statusCode).toBe(403);
    } finally {
      await behind.close();
    }
  });
});
