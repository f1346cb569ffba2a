/**
 * Signing in for the browser tests: through the real sign-in form (signIn), or straight against the
 * API with the session cookie kept (apiAs), to set up data quickly (a trainee answering drills).
 */
import type { Page } from 'playwright-core';
import type { DrillAnswer, DrillKind, DrillQuestion, DrillResult } from '../../../src/domain/drill';
import { PASSWORD } from './app-server';

export interface Account {
  email: string;
  role?: string;
}

export const SESSION_COOKIE = 'twinspect_session';

/**
 * Fills in and sends the sign-in form (on the page's own origin, or `baseUrl` when the page is
 * blank), then waits until the top bar offers "Sign out"; a refusal shown by the form fails at once.
 */
export async function signIn(page: Page, account: Account, opts: { baseUrl?: string; password?: string } = {}): Promise<void> {
  const base = opts.baseUrl ?? new URL(page.url()).origin;
  await page.goto(`${base}/?page=sign-in`);
  const main = page.getByRole('main');
  await main.getByLabel('Email').fill(account.email);
  await main.getByLabel('Password').fill(opts.password ?? PASSWORD);
  await main.getByRole('button', { name: 'Sign in', exact: true }).click();
  const signOut = page.getByRole('button', { name: 'Sign out' });
  const refusal = main.getByRole('alert');
  await signOut.or(refusal).first().waitFor();
  if (await refusal.isVisible()) throw new Error(`sign-in as ${account.email} was refused: ${await refusal.textContent()}`);
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiClient {
  /** The `twinspect_session` cookie's value. */
  token: string;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>>;
  get<T = unknown>(path: string): Promise<ApiResponse<T>>;
  post<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  /** Starts a drill and answers it at once; fails unless the result says it was saved. */
  answerDrill(kind: DrillKind, answer: DrillAnswer, productId?: string): Promise<DrillResult>;
}

/** The value of `name` among a response's Set-Cookie headers, or undefined. */
export function cookieOf(headers: Headers, name: string): string | undefined {
  for (const c of headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    if (pair!.slice(0, eq).trim() === name) return pair!.slice(eq + 1);
  }
  return undefined;
}

/** Signs in through POST /api/auth/sign-in and returns a small fetch client that sends the session cookie. */
export async function apiAs(baseUrl: string, account: Account, password = PASSWORD): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email: account.email, password }),
  });
  const token = cookieOf(res.headers, SESSION_COOKIE);
  if (res.status !== 200 || !token) throw new Error(`sign-in as ${account.email} answered ${res.status}: ${await res.text()}`);

  const call = async <T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        cookie: `${SESSION_COOKIE}=${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (a CSV, say): the text as it came.
    }
    return { status: r.status, body: parsed as T, headers: r.headers };
  };

  return {
    token,
    call,
    get: (path) => call('GET', path),
    post: (path, body = {}) => call('POST', path, body),
    async answerDrill(kind, answer, productId) {
      const q = await call<DrillQuestion>('POST', '/api/drills', { kind, ...(productId ? { productId } : {}) });
      if (q.status !== 200) throw new Error(`POST /api/drills (${kind}) answered ${q.status}: ${JSON.stringify(q.body)}`);
      const r = await call<DrillResult>('POST', `/api/drills/${encodeURIComponent(q.body.id)}/answer`, { answer });
      if (r.status !== 200 || !r.body.saved) throw new Error(`answering drill ${q.body.id} answered ${r.status}: ${JSON.stringify(r.body)}`);
      return r.body;
    },
  };
}

/** The temporary password an admin gives a new account on the Users page. */
const GIVEN_PASSWORD = 'given-by-the-admin-2026';

/**
 * An account as an admin adds it on the Users page, whose person then signs in with the password they
 * were given and chooses their own (`password`), as every such account must before anything else.
 */
export async function addAccount(admin: ApiClient, baseUrl: string, account: Account & { name?: string }, role: string, password = PASSWORD): Promise<void> {
  const made = await admin.post('/api/users', { email: account.email, role, password: GIVEN_PASSWORD, ...(account.name ? { displayName: account.name } : {}) });
  if (made.status !== 201) throw new Error(`adding ${account.email} answered ${made.status}`);
  const person = await apiAs(baseUrl, account, GIVEN_PASSWORD);
  const changed = await person.post('/api/account/password', { currentPassword: GIVEN_PASSWORD, newPassword: password });
  if (changed.status !== 200) throw new Error(`${account.email} choosing a password answered ${changed.status}`);
}
