/**
 * Supervision of inspection records on one database: group membership opens nothing; an admin proposes a
 * grant (never to themselves), the examiner accepts; only records made while it holds are readable (the
 * list, the record, its exports, its photos); after it ends, nothing new; every grant step and every read
 * of someone else's record is in the access log, which the examiner and admins read and nobody else.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/server/app';
import { jpegWithGps } from '../../unit/server/inspections/exif-fixture';
import { PASSWORD, signedIn, type Client } from './app-client';
import { inspectionApp, putFile, recordInput } from './inspection-contract';

/** A 1×1 JPEG (header enough for the photo check), so the test needs no file from outside the repository. */
const TINY_JPEG = new Uint8Array(
  Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64'),
);

type Entry = { action: string; actor: { email: string }; examiner: { email: string }; record: { reference: string; productName: string } | null; detail: string | null };

export function describeSupervision(backend: string, databaseUrl: () => Promise<string | undefined>): void {
  describe(`supervision of inspection records on ${backend}`, () => {
    let app: App;
    let eve: Client, otto: Client, ines: Client, sam: Client, admin: Client;
    let version = '';
    let n = 0;
    const idOf = async (email: string) => (await app.users.byEmail(email))!.id;

    /** Eve makes a record now (its start `startedMsAgo` before now: made offline earlier when > 0). */
    async function record(reference: string, startedMsAgo = 0) {
      const now = Date.now();
      const input = { ...recordInput({ version }), reference, startedAt: new Date(now - startedMsAgo).toISOString(), updatedAt: new Date(now + ++n).toISOString() };
      const res = await eve.request('PUT', `/api/inspections/${input.id}`, input);
      expect(res.status, res.text).toBe(201);
      return input.id;
    }
    const photo = async (recordId: string) => {
      const res = await putFile(app, eve, `/api/inspections/${recordId}/photos/${crypto.randomUUID()}?keepLocation=true`, 'p.jpg', jpegWithGps(TINY_JPEG));
      expect(res.status, res.text).toBe(201);
      return res.json.url as string;
    };
    const readAll = (who: Client, id: string) =>
      Promise.all(['', '/record.json', '/record.pdf'].map(async (s) => (await who.request('GET', `/api/inspections/${id}${s}`)).status));
    const logOf = async (who: Client) => (await who.request('GET', '/api/record-access-log')).json.entries as Entry[];
    const propose = async (supervisorEmail: string, extra: Record<string, unknown> = {}) =>
      admin.request('POST', '/api/supervision', { examinerId: await idOf('eve@agency.test'), supervisorId: await idOf(supervisorEmail), ...extra });

    beforeAll(async () => {
      app = await inspectionApp(await databaseUrl());
      [eve, otto, ines, sam, admin] = await Promise.all([
        signedIn(app, 'eve@agency.test', 'examiner'),
        signedIn(app, 'otto@agency.test', 'examiner'),
        signedIn(app, 'ines@agency.test', 'instructor'),
        signedIn(app, 'sam@agency.test', 'instructor'),
        signedIn(app, 'admin@agency.test', 'admin'),
      ]);
      await signedIn(app, 'tess@agency.test', 'trainee');
      version = (await eve.request('GET', '/api/products/test-tote')).json.version;
    }, 60_000);
    afterAll(() => app?.close());

    it("does not hand examiners' emails to instructors, and a group opens none of an examiner's records", async () => {
      const listed = await ines.request('GET', '/api/trainees');
      expect(listed.json).toEqual([{ id: await idOf('tess@agency.test'), email: 'tess@agency.test', displayName: 'tess' }]);
      const group = await ines.request('POST', '/api/groups', { name: 'Port' });
      expect((await ines.request('POST', `/api/groups/${group.json.id}/members`, { email: 'eve@agency.test' })).status).toBe(200);
      const id = await record('CASE-GROUP');
      const url = await photo(id);
      expect(await readAll(ines, id)).toEqual([404, 404, 404]);
      expect((await ines.request('GET', url)).status).toBe(404);
      expect((await ines.request('GET', '/api/inspections')).json).toEqual([]);
    });

    it('lets no admin read without a grant, nor grant to themselves; an account an admin makes reads nothing until the examiner accepts', async () => {
      const id = await record('CASE-ADMIN');
      expect(await readAll(admin, id)).toEqual([404, 404, 404]);
      const self = await propose('admin@agency.test');
      expect([self.status, self.json.error]).toEqual([400, 'not_a_supervisor']);
      expect((await admin.request('POST', '/api/supervision', { examinerId: await idOf('eve@agency.test'), supervisorId: await idOf('eve@agency.test') })).json.error).toBe('not_a_supervisor');
      expect((await admin.request('POST', '/api/supervision', { examinerId: await idOf('sam@agency.test'), supervisorId: await idOf('ines@agency.test') })).json.error).toBe('not_an_examiner');
      const past = await propose('ines@agency.test', { endsAt: '2020-01-01T00:00:00Z' });
      expect([past.status, past.json.issues[0].path]).toEqual([400, 'body.endsAt']);

      const made = await admin.request('POST', '/api/users', { email: 'puppet@agency.test', role: 'instructor', password: PASSWORD });
      expect(made.status).toBe(201);
      const grant = await propose('puppet@agency.test');
      expect([grant.status, grant.json.status]).toEqual([201, 'pending']);
      expect((await propose('puppet@agency.test')).json.error).toBe('grant_exists');
      const puppet = await signedIn(app, 'puppet@agency.test', 'instructor');
      // An account added on the Users page first sets its own password (accounts-and-roles rules).
      const changed = await puppet.request('POST', '/api/account/password', { currentPassword: PASSWORD, newPassword: 'marionette-on-strings-2026' });
      expect(changed.status, changed.text).toBe(200);
      const later = await record('CASE-PUPPET');
      expect(await readAll(puppet, later)).toEqual([404, 404, 404]);
      expect((await puppet.request('GET', '/api/inspections')).json).toEqual([]);
      // The examiner sees who proposed it, for whom, and how new that account is.
      const seen = (await eve.request('GET', '/api/supervision')).json.find((g: { id: string }) => g.id === grant.json.id);
      expect(seen).toMatchObject({ status: 'pending', as: 'examiner', supervisor: { email: 'puppet@agency.test' }, proposedBy: { email: 'admin@agency.test' } });
      expect(Date.now() - Date.parse(seen.supervisor.accountCreatedAt)).toBeLessThan(60_000);
      expect((await logOf(eve)).map((e) => [e.action, e.actor.email])).toContainEqual(['grant_proposed', 'admin@agency.test']);
      // Nobody but the examiner accepts; the examiner declines it.
      expect((await otto.request('POST', `/api/supervision/${grant.json.id}/accept`, {})).status).toBe(404);
      expect((await puppet.request('POST', `/api/supervision/${grant.json.id}/accept`, {})).status).toBe(403);
      expect((await admin.request('POST', `/api/supervision/${grant.json.id}/accept`, {})).status).toBe(403);
      const declined = await eve.request('POST', `/api/supervision/${grant.json.id}/end`, {});
      expect(declined.json.status).toBe('declined');
      expect((await eve.request('POST', `/api/supervision/${grant.json.id}/accept`, {})).json.error).toBe('grant_not_pending');
      expect(await readAll(puppet, await record('CASE-DECLINED'))).toEqual([404, 404, 404]);
    });

    let during = '';
    let duringPhoto = '';
    let grantId = '';

    it('opens only the records made while an accepted grant holds: list, record, exports and photos', async () => {
      const grant = await propose('sam@agency.test');
      grantId = grant.json.id;
      const before = await record('CASE-BEFORE');
      const beforePhoto = await photo(before);
      expect(await readAll(sam, before)).toEqual([404, 404, 404]);
      const accepted = await eve.request('POST', `/api/supervision/${grantId}/accept`, {});
      expect([accepted.status, accepted.json.status]).toEqual([200, 'active']);
      during = await record('CASE-DURING');
      duringPhoto = await photo(during);
      // Started on the device before the grant (made offline), sent after: not covered.
      const offline = await record('CASE-OFFLINE', 60 * 60_000);
      expect(await readAll(sam, during)).toEqual([200, 200, 200]);
      expect(await readAll(sam, before)).toEqual([404, 404, 404]);
      expect(await readAll(sam, offline)).toEqual([404, 404, 404]);
      expect((await sam.request('GET', duringPhoto)).status).toBe(200);
      expect((await sam.request('GET', beforePhoto)).status).toBe(404);
      const list = (await sam.request('GET', '/api/inspections')).json as { reference: string }[];
      expect(list.map((r) => r.reference)).toEqual(['CASE-DURING']);
      expect(await readAll(ines, during)).toEqual([404, 404, 404]);
      expect(await readAll(admin, during)).toEqual([404, 404, 404]);
    });

    it('opens no new record once the grant is revoked, nor a photo added after', async () => {
      const ended = await eve.request('POST', `/api/supervision/${grantId}/end`, {});
      expect([ended.status, ended.json.status]).toEqual([200, 'ended']);
      expect((await eve.request('POST', `/api/supervision/${grantId}/end`, {})).json.error).toBe('grant_not_open');
      const after = await record('CASE-AFTER');
      expect(await readAll(sam, after)).toEqual([404, 404, 404]);
      const laterPhoto = await photo(during);
      expect((await sam.request('GET', laterPhoto)).status).toBe(404);
      const read = await sam.request('GET', `/api/inspections/${during}`);
      expect(read.status).toBe(200);
      expect(read.json.photos.map((p: { url: string }) => p.url)).toEqual([duringPhoto]);
      expect((await sam.request('GET', '/api/inspections')).json.map((r: { reference: string }) => r.reference)).toEqual(['CASE-DURING']);
    });

    it('ends a grant on its end date', async () => {
      const grant = await propose('ines@agency.test', { endsAt: new Date(Date.now() + 1500).toISOString() });
      expect((await eve.request('POST', `/api/supervision/${grant.json.id}/accept`, {})).status).toBe(200);
      const inside = await record('CASE-INSIDE');
      expect(await readAll(ines, inside)).toEqual([200, 200, 200]);
      await new Promise((r) => setTimeout(r, 1600));
      expect(await readAll(ines, await record('CASE-OUTSIDE'))).toEqual([404, 404, 404]);
      expect((await ines.request('GET', '/api/supervision')).json.find((g: { id: string }) => g.id === grant.json.id).status).toBe('ended');
    });

    it("logs every read of someone else's record, shown to the examiner and admins only", async () => {
      const mine = await logOf(eve);
      const bySam = mine.filter((e) => e.actor.email === 'sam@agency.test');
      for (const action of ['records_listed', 'record_read', 'record_json', 'record_pdf', 'photo_read']) {
        expect(bySam.some((e) => e.action === action && (action === 'records_listed' || e.record?.reference === 'CASE-DURING')), action).toBe(true);
      }
      expect(bySam.filter((e) => e.record?.reference === 'CASE-DURING' && e.action !== 'photo_read').length).toBe(3 + 1);
      expect(bySam.find((e) => e.action === 'record_read')?.record?.productName).toBe('Aurèle tote');
      expect(mine.filter((e) => e.actor.email === 'eve@agency.test').map((e) => e.action).sort()).toEqual(['grant_accepted', 'grant_accepted', 'grant_declined', 'grant_revoked']);
      expect(mine.every((e) => e.examiner.email === 'eve@agency.test')).toBe(true);
      expect(mine.filter((e) => e.actor.email === 'admin@agency.test').map((e) => e.action)).toEqual(['grant_proposed', 'grant_proposed', 'grant_proposed']);
      expect(await logOf(otto)).toEqual([]);
      expect((await sam.request('GET', '/api/record-access-log')).status).toBe(403);
      expect((await admin.request('GET', '/api/record-access-log')).json.entries.length).toBe(mine.length);
      // The grants: the examiner and the supervisor see theirs, another examiner none.
      expect((await otto.request('GET', '/api/supervision')).json).toEqual([]);
      expect((await sam.request('GET', '/api/supervision')).json.map((g: { as: string }) => g.as)).toEqual(['supervisor']);
    });

    it('keeps the access log append-only', async () => {
      const refusal = (statement: string) => app.database.db.execute(sql.raw(statement)).then(
        () => 'changed',
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
      );
      expect(await refusal("UPDATE record_access_log SET action = 'record_read'")).toMatch(/append-only/);
      expect(await refusal('DELETE FROM record_access_log')).toMatch(/append-only/);
      expect((await logOf(admin)).length).toBeGreaterThan(10);
    });
  });
}
