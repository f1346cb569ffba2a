/**
 * Attempts reach the agency's LRS: each answered drill becomes valid xAPI statements for the trainee's
 * agency account (never their email), and statements written while the LRS is down survive a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillQuestion } from '../../src/domain/drill';
import { VERBS } from '../../src/domain/xapi';
import { validateStatement } from '../../src/domain/xapi-rules';
import { createApp } from '../../src/server/app';
import type { ServerConfig } from '../../src/server/config';
import { startLrsStandin, type LrsStandin } from '../support/lrs-standin';
import { PASSWORD, signedIn } from './support/app-client';
import { lrsTestConfig } from './support/test-config';

let lrs: LrsStandin;
let config: ServerConfig;

beforeAll(async () => {
  lrs = await startLrsStandin();
  config = await lrsTestConfig(lrs);
});
afterAll(() => lrs?.close());

describe('xAPI statements from the app', () => {
  it('sends each attempt as valid statements about the agency account', async () => {
    const app = await createApp(config);
    try {
      await app.users.create({ email: 'tess@agency.test', role: 'trainee', password: PASSWORD, accountName: 'EMP-1001' });
      const tess = await signedIn(app, 'tess@agency.test', 'trainee');
      const q = (await tess.request('POST', '/api/drills', { kind: 'find-the-tells' })).json as DrillQuestion;
      expect((await tess.request('POST', `/api/drills/${q.id}/answer`, { answer: { kind: 'find-the-tells', pins: [{ position: [0, 0.2, 0] }] } })).status).toBe(200);
      await app.outbox!.flushNow();
      const mine = lrs.statements.filter((s) => s.context?.registration && JSON.stringify(s).includes(q.product.id));
      expect(mine.map((s) => s.verb.id)).toEqual([
        VERBS.initialized,
        VERBS.experienced,
        VERBS.interacted,
        VERBS.answered,
        expect.stringMatching(/\/(passed|failed)$/),
        VERBS.completed,
        VERBS.terminated,
      ]);
      for (const s of mine) {
        expect(validateStatement(s)).toEqual([]);
        expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: 'https://hr.agency.test', name: 'EMP-1001' } });
        expect(JSON.stringify(s)).not.toContain('tess@agency.test');
      }
      const scored = mine.find((s) => s.result?.score)!;
      expect(scored.result!.score!.scaled).toBeGreaterThanOrEqual(0);
      expect(scored.result!.score!.scaled).toBeLessThanOrEqual(1);
    } finally {
      await app.close();
    }
  });

  it('keeps statements through an LRS outage and a server restart, and sends each once', async () => {
    lrs.setDown(true);
    let app = await createApp(config);
    const tess = await signedIn(app, 'tess@agency.test', 'trainee');
    const q = (await tess.request('POST', '/api/drills', { kind: 'verdict' })).json as DrillQuestion;
    await tess.request('POST', `/api/drills/${q.id}/answer`, { answer: { kind: 'verdict', verdict: 'counterfeit', confidence: 0.7 } });
    await app.outbox!.flushNow();
    expect(await app.outbox!.pending()).toBe(6);
    await app.close();

    lrs.setDown(false);
    app = await createApp(config);
    try {
      const before = lrs.received.length;
      // The restarted sender retries once the backoff has passed; flush until nothing is pending.
      for (let i = 0; i < 40 && (await app.outbox!.pending()) > 0; i++) {
        await app.outbox!.flushNow();
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(await app.outbox!.pending()).toBe(0);
      const arrived = lrs.received.slice(before);
      expect(arrived).toHaveLength(6);
      expect(new Set(arrived).size).toBe(6);
    } finally {
      await app.close();
    }
  }, 30_000);
});
