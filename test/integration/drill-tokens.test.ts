/**
 * Sealed tokens are used only for what they were sealed for: a drill item's token sent where a guest
 * drill's key is expected (it opens, being this server's too) is refused as a damaged drill token, a
 * 400 that a person understands, and a guest drill's key is no drill item; never a 500 with the
 * server's own words ("Cannot read properties of undefined").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillQuestion } from '../../src/domain/drill';
import type { App } from '../../src/server/app';
import { clientOf, type Client } from './support/app-client';
import { inspectionApp } from './support/inspection-contract';

describe('sealed drill tokens', () => {
  let app: App;
  let guest: Client;
  beforeAll(async () => {
    app = await inspectionApp();
    guest = clientOf(app);
  });
  afterAll(() => app?.close());

  it("refuses a drill item's token as a guest drill's key, and a guest drill's key as a drill item", async () => {
    for (const kind of ['verdict', 'spot-the-fake', 'find-the-tells'] as const) {
      const issued = await guest.request('POST', '/api/drills', { kind, productId: 'test-tote' });
      expect(issued.status, issued.text).toBe(200);
      const drill = issued.json as DrillQuestion & { sealed: string };
      const itemToken = drill.items[0]!.model.replace('/api/drill-items/', '');
      const answer =
        kind === 'verdict' ? { kind, verdict: 'genuine', confidence: 0.5 } : kind === 'spot-the-fake' ? { kind, counterfeit: 'A', confidence: 0.5 } : { kind, pins: [] };
      for (const [path, body] of [['hint', { sealed: itemToken }], ['answer', { sealed: itemToken, answer }]] as const) {
        const res = await guest.request('POST', `/api/drills/${drill.id}/${path}`, body);
        expect([res.status, res.json.error], `${kind} ${path}: ${res.text}`).toEqual([400, 'bad_drill_token']);
        expect(res.json.message).toBe('This practice drill has expired or its token is damaged: start a new drill.');
      }
      const crossed = await guest.request('GET', `/api/drill-items/${drill.sealed}`);
      expect([crossed.status, crossed.json.error]).toEqual([404, 'item_not_found']);
      // The tokens still do what they are for.
      expect((await guest.request('GET', drill.items[0]!.model)).status).toBe(200);
      const hint = await guest.request('POST', `/api/drills/${drill.id}/hint`, { sealed: drill.sealed });
      expect(hint.status, hint.text).toBe(200);
    }
  });
});
