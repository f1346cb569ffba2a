/**
 * What an inspection record and its photos give away to those who may not read them, on one database:
 * no photo through GET /api/files/<sha256>, however its hash is known; no position in a stored photo,
 * whatever layout carried it; and no answer that tells another officer's record (or photo id) from one
 * that is not there or from a malformed id.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/server/app';
import { jpegOrientation } from '../../../src/server/inspections/strip-location';
import { drawn, LATITUDE_BYTES, layouts } from '../../unit/server/inspections/photo-layouts';
import { signedIn, type Client } from './app-client';
import { countRows, inspectionApp, putFile, recordInput } from './inspection-contract';
import { sendFile } from './studio';

type Answer = { status: number; text: string; headers?: Record<string, unknown> };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** An answer as a client sees it, but for what differs per request anyway (date, request id). */
const seen = (a: Answer) => ({ status: a.status, type: a.headers?.['content-type'], body: a.text });

export function describeInspectionPrivacy(backend: string, databaseUrl: () => Promise<string | undefined>): void {
  describe(`inspection privacy on ${backend}`, () => {
    let app: App;
    let eve: Client, otto: Client, ivan: Client, author: Client, reviewer: Client, admin: Client;
    let version = '';
    const record = recordInput({ version: 'set-below' });
    const photoId = randomUUID();

    beforeAll(async () => {
      app = await inspectionApp(await databaseUrl());
      [eve, otto, ivan, author, reviewer, admin] = await Promise.all([
        signedIn(app, 'eve@agency.test', 'examiner'),
        signedIn(app, 'otto@agency.test', 'examiner'),
        signedIn(app, 'ivan@agency.test', 'instructor'),
        signedIn(app, 'ana@agency.test', 'author'),
        signedIn(app, 'rey@agency.test', 'reviewer'),
        signedIn(app, 'admin@agency.test', 'admin'),
      ]);
      version = (await eve.request('GET', '/api/products/test-tote')).json.version;
      record.contentVersion = version;
      expect((await eve.request('PUT', `/api/inspections/${record.id}`, record)).status).toBe(201);
      const sent = layouts()[1]!.bytes; // GPS behind IFD1
      expect((await putFile(app, eve, `/api/inspections/${record.id}/photos/${photoId}`, 'logo.jpg', sent)).status).toBe(201);
    });
    afterAll(() => app?.close());

    it('never serves an inspection photo through /api/files, to an author, a reviewer or an admin who knows its hash', async () => {
      const files = await countRows(app, 'stored_files');
      const raw = layouts()[0]!.bytes;
      const kept = await putFile(app, eve, `/api/inspections/${record.id}/photos/${randomUUID()}?keepLocation=true`, 'where.jpg', raw);
      expect(kept.status).toBe(201);
      const stripped = (await eve.request('GET', `/api/inspections/${record.id}/photos/${photoId}`)).raw;
      expect(await countRows(app, 'stored_files'), 'no photo bytes among the catalogue files').toBe(files);
      const unknown = '0'.repeat(64);
      for (const who of [author, reviewer, admin]) {
        const none = await who.request('GET', `/api/files/${unknown}`);
        expect(none.status).toBe(404);
        for (const sha of [sha256(stripped), sha256(raw)]) {
          const res = await who.request('GET', `/api/files/${sha}`);
          expect(seen({ ...res, text: res.text.replace(sha, unknown) })).toEqual(seen(none));
        }
      }
      // The studio's own files are still served.
      const upload = await sendFile(app, author, 'POST', '/api/studio/uploads', 'ref.png', drawn('image/png'));
      expect(upload.status, upload.text).toBe(201);
      expect((await author.request('GET', upload.json.url)).status).toBe(200);
    });

    it('stores no position and no metadata but the orientation, whatever layout carried it', async () => {
      for (const layout of layouts()) {
        const url = `/api/inspections/${record.id}/photos/${randomUUID()}`;
        const put = await putFile(app, eve, url, 'photo', layout.bytes);
        expect(put.status, `${layout.name}: ${put.text}`).toBe(201);
        const stored = (await eve.request('GET', url)).raw;
        expect(stored.indexOf(Buffer.from(LATITUDE_BYTES)), layout.name).toBe(-1);
        for (const word of ['GPS', 'xmp', 'Raw profile']) expect(stored.toString('latin1'), `${layout.name}: ${word}`).not.toContain(word);
        if (layout.mediaType === 'image/jpeg') expect(jpegOrientation(stored), layout.name).toBe(layout.orientation ?? 1);
      }
    });

    it("answers another officer's record, no record and a malformed id alike, on every route", async () => {
      const ids = [record.id, randomUUID(), 'not-a-uuid'];
      const alike = async (who: Client, label: string, ask: (id: string) => Promise<Answer>, status: number) => {
        const answers = [];
        for (const id of ids) answers.push(seen(await ask(id)));
        expect(answers[0]!.status, label).toBe(status);
        for (const [i, answer] of answers.entries()) expect(answer, `${label} for ${ids[i]}`).toEqual(answers[0]);
        for (const id of ids) expect(answers[0]!.body, label).not.toContain(id);
      };
      for (const who of [otto, ivan, admin]) {
        for (const path of ['', '/record.json', '/record.pdf?lang=fr', `/photos/${photoId}`, `/photos/${randomUUID()}`]) {
          await alike(who, `GET ${path}`, (id) => who.request('GET', `/api/inspections/${id}${path}`), 404);
        }
      }
      // A body with mistakes: the same 400 whether or not the id is a record's (it was 404 for another officer's).
      await alike(otto, 'PUT a bad body', (id) => otto.request('PUT', `/api/inspections/${id}`, { ...record, marks: 'none' }), 400);
      await alike(otto, 'PUT a photo', (id) => putFile(app, otto, `/api/inspections/${id}/photos/${randomUUID()}`, 'p.png', drawn('image/png')), 404);
      // A good body on another officer's record changes nothing and answers as a record one may not see.
      const theirs = await otto.request('PUT', `/api/inspections/${record.id}`, { ...record, notes: 'overwritten' });
      expect(seen(theirs)).toEqual(seen(await otto.request('GET', `/api/inspections/${record.id}`)));
      expect((await eve.request('GET', `/api/inspections/${record.id}`)).json.notes).toBe(record.notes);
    });

    it("answers a photo id another record holds as a malformed one, naming neither, and an unknown photo as a malformed one", async () => {
      const mine = recordInput({ version });
      expect((await otto.request('PUT', `/api/inspections/${mine.id}`, mine)).status).toBe(201);
      const png = drawn('image/png');
      const taken = await putFile(app, otto, `/api/inspections/${mine.id}/photos/${photoId}`, 'p.png', png);
      const malformed = await putFile(app, otto, `/api/inspections/${mine.id}/photos/not-a-uuid`, 'p.png', png);
      expect(taken.status).toBe(400);
      expect(taken.json.error).toBe('invalid_request');
      expect(taken.text).toBe(malformed.text);
      for (const named of [photoId, record.id]) expect(taken.text).not.toContain(named);
      expect((await otto.request('GET', `/api/inspections/${mine.id}`)).json.photos).toEqual([]);

      const own = await otto.request('GET', `/api/inspections/${mine.id}/photos/${randomUUID()}`);
      expect(own.status).toBe(404);
      for (const other of [photoId, 'not-a-uuid']) expect(seen(await otto.request('GET', `/api/inspections/${mine.id}/photos/${other}`))).toEqual(seen(own));
    });
  });
}
