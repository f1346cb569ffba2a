/**
 * A small learning record store for tests, on 127.0.0.1: POST and GET /xapi/statements with Basic auth
 * and the X-Experience-API-Version header, every statement checked with validateStatement. A batch is
 * stored whole or not at all, as an LRS does. A resent statement (same id, same content) is accepted and
 * not stored twice; the same id with other content is a 409.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { XapiStatement } from '../../src/domain/xapi';
import { validateStatement } from '../../src/domain/xapi-rules';

export interface LrsStandinOptions {
  username?: string;
  password?: string;
  /** Answer 503 to the first N requests. */
  failFirst?: number;
  /** Wait this long before answering a POST (lets tests overlap two senders). */
  delayMs?: number;
}

export interface LrsStandin {
  /** http://127.0.0.1:<port>/xapi/ */
  endpoint: string;
  username: string;
  password: string;
  /** Stored statements, each once, in the order stored. */
  statements: XapiStatement[];
  /** The statement ids of every accepted POST, resends included: to count deliveries. */
  received: string[];
  /** Requests seen, all of them. */
  readonly requests: number;
  /** While down, every request gets 503. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export async function startLrsStandin(opts: LrsStandinOptions = {}): Promise<LrsStandin> {
  const username = opts.username ?? 'twinspect';
  const password = opts.password ?? 'lrs-secret';
  const expectedAuth = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const statements: XapiStatement[] = [];
  const byId = new Map<string, string>();
  const received: string[] = [];
  let requests = 0;
  let down = false;
  let failLeft = opts.failFirst ?? 0;

  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requests += 1;
    const body = await readBody(req);
    if (down || failLeft > 0) {
      failLeft = Math.max(0, failLeft - 1);
      return send(res, 503, { error: 'the LRS stand-in is down' });
    }
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/xapi/statements') return send(res, 404, { error: `no ${path}` });
    if (req.headers.authorization !== expectedAuth) return send(res, 401, { error: 'bad credentials' });
    if (!/^1\.0(\.\d+)?$/.test(String(req.headers['x-experience-api-version'] ?? ''))) {
      return send(res, 400, { error: 'X-Experience-API-Version must be 1.0.x' });
    }
    if (req.method === 'GET') return send(res, 200, { statements, more: '' });
    if (req.method !== 'POST') return send(res, 405, { error: 'POST or GET' });
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 400, { error: 'Content-Type must be application/json' });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(res, 400, { error: 'the body is not JSON' });
    }
    const batch: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));

    const errors = batch.flatMap((s, i) => validateStatement(s).map((e) => `[${i}] ${e}`));
    const ids = batch.map((s) => (s as XapiStatement).id);
    if (new Set(ids).size !== ids.length) errors.push('the batch names one statement id twice');
    if (errors.length > 0) return send(res, 400, { errors });
    const fresh: XapiStatement[] = [];
    for (const s of batch as XapiStatement[]) {
      const known = byId.get(s.id);
      if (known === undefined) fresh.push(s);
      else if (known !== canonical(s)) return send(res, 409, { error: `statement ${s.id} exists with other content` });
    }
    for (const s of fresh) {
      byId.set(s.id, canonical(s));
      statements.push(s);
    }
    received.push(...ids);
    return send(res, 200, ids);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { error: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}/xapi/`,
    username,
    password,
    statements,
    received,
    get requests() {
      return requests;
    },
    setDown(value) {
      down = value;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON with sorted keys: a statement read back from jsonb has its keys in another order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
