/** Drives an app, in-process with inject() or a server process over HTTP, keeping each signed-in user's session cookie. */
import type { App } from '../../../src/server/app';
import type { Role } from '../../../src/domain/roles';

export const PASSWORD = 'correct-horse-battery';

export interface Client {
  cookie: string | undefined;
  request(method: string, url: string, body?: unknown): Promise<{ status: number; json: any; text: string; raw: Buffer; headers: Record<string, unknown> }>;
}

export function clientOf(app: App, cookie?: string): Client {
  const client: Client = {
    cookie,
    async request(method, url, body) {
      const res = await app.server.inject({
        method: method as 'GET',
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        headers: client.cookie ? { cookie: client.cookie } : {},
      });
      let json: unknown;
      try {
        json = res.json();
      } catch {
        json = undefined;
      }
      return { status: res.statusCode, json, text: res.body, raw: res.rawPayload, headers: res.headers };
    },
  };
  return client;
}

/** Creates an account (if needed) and signs it in. */
export async function signedIn(app: App, email: string, role: Role): Promise<Client> {
  if (!(await app.users.byEmail(email))) await app.users.create({ email, role, password: PASSWORD, displayName: email.split('@')[0] });
  const res = await app.server.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} answered ${res.statusCode}: ${res.body}`);
  const setCookie = String(res.headers['set-cookie']);
  return clientOf(app, setCookie.split(';')[0]);
}

/** The same client over real HTTP, for a server running as its own process. */
export function httpClient(baseUrl: string, cookie?: string): Client {
  const client: Client = {
    cookie,
    async request(method, url, body) {
      const headers: Record<string, string> = client.cookie ? { cookie: client.cookie } : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${baseUrl}${url}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const raw = Buffer.from(await res.arrayBuffer());
      const text = raw.toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, json, text, raw, headers: Object.fromEntries(res.headers) };
    },
  };
  return client;
}

/** Signs an existing account in over HTTP. */
export async function signInOver(baseUrl: string, email: string, password = PASSWORD): Promise<Client> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  return httpClient(baseUrl, res.headers.get('set-cookie')!.split(';')[0]);
}
