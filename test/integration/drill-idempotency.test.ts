/**
 * An answer sent again from the offline queue (a lost response, a replay) is stored once: the same
 * Idempotency-Key gives the stored result back, with one attempt row and one set of xAPI statements;
 * another answer to the same drill is still refused. Also the offline manifest that the "Make
 * available offline" download reads.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillQuestion, DrillResult } from '../../src/domain/drill';
import { createApp, type App } from '../../src/server/app';
import { attempts, drills } from '../../src/server/db/schema';
import type { OfflineManifest } from '../../src/server/http/offline-routes';
import { startLrsStandin, type LrsStandin } from '../support/lrs-standin';
import { signedIn, type Client } from './support/app-client';
import { lrsTestConfig } from './support/test-config';

let lrs: LrsStandin;
let app: App;
let tess: Client;

beforeAll(async () => {
  lrs = await startLrsStandin();
  lrs.setDown(true); // statements stay in the outbox, to be counted
  app = await createApp(await lrsTestConfig(lrs));
  tess = await signedIn(app, 'tess@agency.test', 'trainee');
});
afterAll(async () => {
  await app?.close();
  await lrs?.close();
});

async function answer(drillId: string, body: object, key?: string) {
  const res = await app.server.inject({
    method: 'POST',
    url: `/api/drills/${drillId}/answer`,
    payload: body,
    headers: { cookie: tess.cookie!, ...(key === undefined ? {} : { 'idempotency-key': key }) },
  });
  return { status: res.statusCode, json: res.json() as DrillResult & { error?: string; message?: string; issues?: { path: string }[] } };
}

async function outboxRows(): Promise<number> {
  const rows = await app.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM xapi_outbox`);
  return (Array.isArray(rows) ? rows : (rows as { rows: { n: number }[] }).rows)[0]!.n;
}

const verdict = (v: 'genuine' | 'counterfeit') => ({ answer: { kind: 'verdict', verdict: v, confidence: 0.8 } });

describe('answering a drill with an Idempotency-Key', () => {
  it('stores the answer once when it is sent twice, and gives the same result back', async () => {
    const q = (await tess.request('POST', '/api/drills', { kind: 'verdict' })).json as DrillQuestion;
    const key = randomUUID();
    const before = await outboxRows();
    const first = await answer(q.id, verdict('counterfeit'), key);
    expect(first.status).toBe(200);
    const statements = (await outboxRows()) - before;
    expect(statements).toBeGreaterThan(0);
    const again = await answer(q.id, verdict('counterfeit'), key);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    const rows = await app.database.db.select().from(attempts).where(eq(attempts.drillId, q.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idempotencyKey).toBe(key);
    expect((await outboxRows()) - before).toBe(statements);
  });

  it('still refuses a different answer to an answered drill with 409', async () => {
    const q = (await tess.request('POST', '/api/drills', { kind: 'verdict' })).json as DrillQuestion;
    expect((await answer(q.id, verdict('genuine'), randomUUID())).status).toBe(200);
    const other = await answer(q.id, verdict('counterfeit'), randomUUID());
    expect(other.status).toBe(409);
    expect(other.json.error).toBe('already_answered');
    expect((await answer(q.id, verdict('counterfeit'))).status).toBe(409);
  });

  it('refuses a key that is not a UUID with a 400 naming the header', async () => {
    const q = (await tess.request('POST', '/api/drills', { kind: 'verdict' })).json as DrillQuestion;
    const bad = await answer(q.id, verdict('genuine'), 'not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.json.issues?.[0]?.path).toBe('headers.idempotency-key');
    expect(bad.json.message).toMatch(/idempotency-key/i);
    // Nothing was stored: the drill can still be answered.
    expect((await answer(q.id, verdict('genuine'), randomUUID())).status).toBe(200);
  });

  it('keeps the time an offline answer was given, between issue and now', async () => {
    const q = (await tess.request('POST', '/api/drills', { kind: 'verdict' })).json as DrillQuestion;
    const givenAt = new Date(Date.parse(q.issuedAt) + 150).toISOString();
    await new Promise((r) => setTimeout(r, 300)); // answered offline, sent later
    expect((await answer(q.id, { ...verdict('genuine'), answeredAt: givenAt }, randomUUID())).status).toBe(200);
    const [row] = await app.database.db.select().from(attempts).where(eq(attempts.drillId, q.id));
    expect(row!.answeredAt.toISOString()).toBe(givenAt);
    expect(row!.durationMs).toBe(150);
    const [drill] = await app.database.db.select().from(drills).where(eq(drills.id, q.id));
    expect(drill!.answeredAt!.toISOString()).toBe(givenAt);
    // A time before the drill was issued is taken as the issue time.
    const early = (await tess.request('POST', '/api/drills', { kind: 'verdict' })).json as DrillQuestion;
    expect((await answer(early.id, { ...verdict('genuine'), answeredAt: '2001-01-01T00:00:00.000Z' }, randomUUID())).status).toBe(200);
    const [clamped] = await app.database.db.select().from(attempts).where(eq(attempts.drillId, early.id));
    expect(clamped!.durationMs).toBe(0);
  });
});

describe('the offline manifest', () => {
  it('lists the catalogue, every product and its models with their sizes, under one version', async () => {
    const res = await tess.request('GET', '/api/offline/manifest');
    expect(res.status).toBe(200);
    const manifest = res.json as OfflineManifest;
    const urls = manifest.entries.map((e) => e.url);
    expect(urls).toContain('/api/catalogue');
    const products = (await tess.request('GET', '/api/catalogue')).json as { id: string }[];
    for (const p of products) expect(urls).toContain(`/api/products/${p.id}`);
    expect(urls.some((u) => u.startsWith('/content/products/') && u.endsWith('.glb'))).toBe(true);
    for (const e of manifest.entries) expect(e.bytes, e.url).toBeGreaterThan(0);
    expect(manifest.totalBytes).toBe(manifest.entries.reduce((s, e) => s + e.bytes, 0));
    // The JSON sizes are what the server really sends.
    const catalogue = await tess.request('GET', '/api/catalogue');
    expect(manifest.entries.find((e) => e.url === '/api/catalogue')!.bytes).toBe(catalogue.raw.byteLength);
    const model = manifest.entries.find((e) => e.url.endsWith('.glb'))!;
    expect((await tess.request('GET', model.url)).raw.byteLength).toBe(model.bytes);
    expect(((await tess.request('GET', '/api/offline/manifest')).json as OfflineManifest).version).toBe(manifest.version);
  });
});
