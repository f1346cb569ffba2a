/**
 * Drills, attempts and progress, the same assertions on every backend (PGlite and PostgreSQL):
 * the key stays on the server until the answer is in, every answer is stored before it is confirmed,
 * and a drill that is not yours, or already answered, changes nothing.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillQuestion, DrillResult } from '../../../src/domain/drill';
import { createApp, type App } from '../../../src/server/app';
import type { ServerConfig } from '../../../src/server/config';
import { attemptPins, attempts, drills, reviewCards } from '../../../src/server/db/schema';
import { fixtureProduct } from '../../unit/server/fixture-pack';
import { clientOf, signedIn, type Client } from './app-client';
import { textIn } from '../../../src/domain/local-text';

/** Every string in a response that would give the answer away. */
function keyMarkers(): string[] {
  const product = fixtureProduct('test-tote');
  const markers = new Set<string>(['"genuine"', '"counterfeit"', 'fake-a', 'fake-b', 'Counterfeit A', 'Counterfeit B']);
  for (const v of product.variants) {
    for (const t of v.tells) {
      markers.add(t.id);
      markers.add(textIn(t.title, 'en'));
      markers.add(textIn(t.counterfeit, 'en'));
    }
  }
  return [...markers];
}

export function describeDrillContract(backend: string, makeConfig: () => Promise<ServerConfig>) {
  describe(`drills and progress on ${backend}`, () => {
    let app: App;
    let trainee: Client;
    const rows = async (table: typeof drills | typeof attempts | typeof attemptPins | typeof reviewCards) =>
      (await app.database.db.select({ n: count() }).from(table))[0]!.n;

    beforeAll(async () => {
      app = await createApp(await makeConfig());
      trainee = await signedIn(app, 'tess@agency.test', 'trainee');
    });
    afterAll(async () => {
      await app?.close();
    });

    it('sends no key before the answer: neither in the question nor in the models', async () => {
      for (const kind of ['spot-the-fake', 'verdict', 'find-the-tells'] as const) {
        const res = await trainee.request('POST', '/api/drills', { kind, productId: 'test-tote' });
        expect(res.status).toBe(200);
        const question = res.json as DrillQuestion;
        const received = [res.text];
        for (const item of question.items) {
          expect(item.model).toMatch(/^\/api\/drill-items\/[\w.-]+$/);
          const model = await trainee.request('GET', item.model);
          expect(model.status).toBe(200);
          expect(model.headers['content-type']).toBe('model/gltf-binary');
          received.push(model.raw.toString('latin1'));
        }
        for (const bytes of received) for (const marker of keyMarkers()) expect(bytes, `${kind} leaks ${marker}`).not.toContain(marker);
      }
    });

    it('scores a spot-the-fake answer, stores it before saying so, and reveals the key', async () => {
      const q = (await trainee.request('POST', '/api/drills', { kind: 'spot-the-fake', productId: 'test-tote' })).json as DrillQuestion;
      const before = await rows(attempts);
      const res = await trainee.request('POST', `/api/drills/${q.id}/answer`, { answer: { kind: 'spot-the-fake', counterfeit: 'A', confidence: 0.8 } });
      expect(res.status).toBe(200);
      const result = res.json as DrillResult;
      expect(result.saved).toBe(true);
      const fake = result.revealed.find((r) => r.kind === 'counterfeit')!;
      expect(result.score.correct).toBe(fake.label === 'A');
      expect(result.score.brier).toBeCloseTo(result.score.correct ? 0.04 : 0.64, 5);
      expect(result.tells.length).toBeGreaterThan(0);
      expect(await rows(attempts)).toBe(before + 1);
      const [stored] = await app.database.db.select().from(attempts).where(eq(attempts.drillId, q.id));
      expect(stored).toMatchObject({ kind: 'spot-the-fake', productId: 'test-tote', correct: result.score.correct });
      expect(stored!.catalogueVersion).toMatch(/^[0-9a-f]{12}$/);
    });

    it('matches pins to tells and stores every pin', async () => {
      const q = (await trainee.request('POST', '/api/drills', { kind: 'find-the-tells', productId: 'test-tote' })).json as DrillQuestion;
      const hint = await trainee.request('POST', `/api/drills/${q.id}/hint`, {});
      expect(hint.status).toBe(200);
      expect(hint.json.hintsUsed).toBe(1);
      // Pins at both fake-a tells (wherever the drill put them, one is right) and one far away.
      const pins = [{ position: [0, 0.2, 0] }, { position: [0, 0.1, 0.101], node: 'label' }, { position: [0.1, 0.1, 0] }, { position: [5, 5, 5] }];
      const result = (await trainee.request('POST', `/api/drills/${q.id}/answer`, { answer: { kind: 'find-the-tells', pins } })).json as DrillResult;
      expect(result.score.hintsUsed).toBe(1);
      expect(result.score.tellsFound).toBe(result.tells.length);
      expect(result.score.falseAlarms).toBe(pins.length - result.tells.length);
      const stored = await app.database.db.select().from(attemptPins).where(eq(attemptPins.drillId, q.id));
      expect(stored).toHaveLength(4);
      expect(stored.filter((p) => p.tellId !== null)).toHaveLength(result.tells.length);
    });

    it('refuses a second answer, and another trainee’s answer, changing nothing', async () => {
      const q = (await trainee.request('POST', '/api/drills', { kind: 'verdict' })).json as DrillQuestion;
      const other = await signedIn(app, 'otto@agency.test', 'trainee');
      const answer = { answer: { kind: 'verdict', verdict: 'genuine', confidence: 0.9 } };
      const stolen = await other.request('POST', `/api/drills/${q.id}/answer`, answer);
      expect(stolen.status).toBe(403);
      expect(stolen.json.error).toBe('not_your_drill');
      expect(stolen.text).not.toContain('revealed');
      const counts = [await rows(attempts), await rows(reviewCards)];
      expect((await trainee.request('POST', `/api/drills/${q.id}/answer`, answer)).status).toBe(200);
      const again = await trainee.request('POST', `/api/drills/${q.id}/answer`, { answer: { kind: 'verdict', verdict: 'counterfeit', confidence: 1 } });
      expect(again.status).toBe(409);
      expect(again.json.error).toBe('already_answered');
      expect(await rows(attempts)).toBe(counts[0]! + 1);
      const [stored] = await app.database.db.select().from(attempts).where(eq(attempts.drillId, q.id));
      expect(stored!.answer).toEqual(answer.answer);
    });

    it('answers bad input with 400 and the field path', async () => {
      const bad = await trainee.request('POST', '/api/drills', { kind: 'guess-the-price' });
      expect(bad.status).toBe(400);
      expect(bad.json.issues[0].path).toBe('body.kind');
      const q = (await trainee.request('POST', '/api/drills', { kind: 'find-the-tells' })).json as DrillQuestion;
      const badPin = await trainee.request('POST', `/api/drills/${q.id}/answer`, { answer: { kind: 'find-the-tells', pins: [{ position: [0, 'x', 0] }] } });
      expect(badPin.status).toBe(400);
      expect(badPin.json.issues[0].path).toBe('body.answer.pins[0].position[1]');
      const wrongKind = await trainee.request('POST', `/api/drills/${q.id}/answer`, { answer: { kind: 'verdict', verdict: 'genuine', confidence: 0.7 } });
      expect(wrongKind.status).toBe(400);
      expect(wrongKind.json.error).toBe('wrong_answer_kind');
      const overconfident = await trainee.request('POST', `/api/drills/${q.id}/answer`, { answer: { kind: 'verdict', verdict: 'genuine', confidence: 1.5 } });
      expect(overconfident.json.issues[0].path).toBe('body.answer.confidence');
      // Still answerable after all that.
      expect((await trainee.request('POST', `/api/drills/${q.id}/answer`, { answer: { kind: 'find-the-tells', pins: [] } })).status).toBe(200);
    });

    it('lets a guest practise with nothing stored', async () => {
      const guest = clientOf(app);
      const counts = [await rows(drills), await rows(attempts), await rows(reviewCards)];
      const q = (await guest.request('POST', '/api/drills', { kind: 'spot-the-fake' })).json as DrillQuestion;
      expect(q.guest).toBe(true);
      for (const marker of keyMarkers()) expect(JSON.stringify(q)).not.toContain(marker);
      const hint = await guest.request('POST', `/api/drills/${q.id}/hint`, { sealed: q.sealed, hintsUsed: 0 });
      expect(hint.status).toBe(200);
      const result = await guest.request('POST', `/api/drills/${q.id}/answer`, { sealed: q.sealed, hintsUsed: 1, answer: { kind: 'spot-the-fake', counterfeit: 'B', confidence: 0.6 } });
      expect(result.status).toBe(200);
      expect(result.json.saved).toBe(false);
      const tampered = await guest.request('POST', `/api/drills/${q.id}/answer`, { sealed: `${q.sealed!.slice(0, -4)}AAAA`, answer: { kind: 'spot-the-fake', counterfeit: 'B', confidence: 0.6 } });
      expect(tampered.status).toBe(400);
      expect(await Promise.all([rows(drills), rows(attempts), rows(reviewCards)])).toEqual(counts);
      expect((await guest.request('GET', '/api/progress')).status).toBe(401);
    });

    it('sums up progress and schedules what to practise next', async () => {
      const res = await trainee.request('GET', '/api/progress');
      expect(res.status).toBe(200);
      expect(res.json.attempts).toBeGreaterThanOrEqual(4);
      expect(res.json.timeline).toHaveLength(1);
      expect(res.json.byProduct.map((p: { productId: string }) => p.productId)).toContain('test-tote');
      expect(res.json.practiseNext.length).toBeGreaterThan(0);
      expect(await rows(reviewCards)).toBeGreaterThan(0);
    });

    it('gives an instructor the group’s progress and its CSV', async () => {
      const instructor = await signedIn(app, 'ines@agency.test', 'instructor');
      const group = (await instructor.request('POST', '/api/groups', { name: 'Cohort =1' })).json;
      expect((await instructor.request('POST', `/api/groups/${group.id}/members`, { email: 'TESS@agency.test' })).status).toBe(200);
      const notTrainee = await instructor.request('POST', `/api/groups/${group.id}/members`, { email: 'ines@agency.test' });
      expect(notTrainee.status).toBe(400);
      expect(notTrainee.json.issues[0].path).toBe('body.email');
      const progress = (await instructor.request('GET', `/api/groups/${group.id}/progress`)).json;
      expect(progress.trainees).toHaveLength(1);
      expect(progress.overall.attempts).toBeGreaterThanOrEqual(4);
      const csv = await instructor.request('GET', `/api/groups/${group.id}/results.csv`);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toMatch(/^trainee,email,answered_at/);
      expect(lines.length).toBe(progress.overall.attempts + 1);
      const rival = await signedIn(app, 'rita@agency.test', 'instructor');
      expect((await rival.request('GET', `/api/groups/${group.id}/progress`)).status).toBe(403);
      expect((await rival.request('GET', '/api/groups')).json).toEqual([]);
    });
  });
}
