/**
 * The inspection assistant's API on one database: records stored once and never overwritten by an older
 * copy, read only by their officer (404 to anyone else, the instructor of the officer's group included:
 * supervision needs a grant, see supervision-suite.ts; 403 to roles that may not inspect), bad bodies named by path, photos without their GPS position unless
 * kept, and the case-file exports (JSON and PDF) with the statement, the marks and the contact.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICER_DECISION_STATEMENT } from '../../../src/domain/inspection';
import type { App } from '../../../src/server/app';
import { rgbPng } from '../../../src/build/png';
import { readZip } from '../../../src/server/studio/pack-zip';
import { contains, ifd0Tags, jpegWithGps, LATITUDE_BYTES } from '../../unit/server/inspections/exif-fixture';
import { signedIn, type Client } from './app-client';
import { CONTACT, countRows, inspectionApp, putFile, recordInput, roleCheck, TOTE_CHECKS, TOTE_GTIN } from './inspection-contract';

const flat = (s: string) => s.replace(/\s+/g, ' ');

/** The PDF's text, by pdftotext (poppler-utils; .ci/run installs it). */
function pdfText(pdf: Buffer): string {
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') throw new Error('the PDF test needs pdftotext: apt-get install poppler-utils');
    throw err;
  }
}

export function describeInspections(backend: string, databaseUrl: () => Promise<string | undefined>): void {
  describe(`inspection records on ${backend}`, () => {
    let app: App;
    let eve: Client, otto: Client, ines: Client, ivan: Client, admin: Client, trainee: Client;
    let version = '';
    const first = recordInput({ version: 'set-below' });

    beforeAll(async () => {
      app = await inspectionApp(await databaseUrl());
      [eve, otto, ines, ivan, admin, trainee] = await Promise.all([
        signedIn(app, 'eve@agency.test', 'examiner'),
        signedIn(app, 'otto@agency.test', 'examiner'),
        signedIn(app, 'ines@agency.test', 'instructor'),
        signedIn(app, 'ivan@agency.test', 'instructor'),
        signedIn(app, 'admin@agency.test', 'admin'),
        signedIn(app, 'tess@agency.test', 'trainee'),
      ]);
      const group = await ines.request('POST', '/api/groups', { name: 'Port examiners' });
      expect((await ines.request('POST', `/api/groups/${group.json.id}/members`, { email: 'eve@agency.test' })).status).toBe(200);
      const other = await ivan.request('POST', '/api/groups', { name: 'Airport examiners' });
      await ivan.request('POST', `/api/groups/${other.json.id}/members`, { email: 'otto@agency.test' });
      version = (await eve.request('GET', '/api/products/test-tote')).json.version;
      first.contentVersion = version;
    }, 60_000);
    afterAll(() => app?.close());

    it("widens the users_role_check constraint to admit examiners", async () => {
      expect(await roleCheck(app)).toMatch(/'examiner'/);
    });

    it('finds a product by its GTIN, and names what is wrong with a bad one', async () => {
      const found = await eve.request('GET', `/api/products/by-gtin/${TOTE_GTIN}`);
      expect(found.status).toBe(200);
      const entry = (await eve.request('GET', '/api/catalogue')).json.find((p: { id: string }) => p.id === 'test-tote');
      expect(found.json).toEqual(entry);
      expect((await trainee.request('GET', `/api/products/by-gtin/0${TOTE_GTIN}`)).json.id).toBe('test-tote');
      const missing = await eve.request('GET', '/api/products/by-gtin/2009900000026');
      expect(missing.status).toBe(404);
      expect(missing.json.message).toContain('2009900000026');
      const bad = await eve.request('GET', '/api/products/by-gtin/2009900000011');
      expect(bad.status).toBe(400);
      expect(bad.json.message).toContain('the last digit should be 9');
      expect((await eve.request('GET', '/api/products/by-gtin/20099')).json.message).toContain('8, 12, 13 or 14 digits');
      expect((await eve.request('GET', '/api/products/by-gtin/2009-900')).json.message).toContain('digits only');
    });

    it('carries the GTIN and the verification contact in an exported content pack', async () => {
      const res = await admin.request('GET', '/api/studio/export.zip?product=test-tote');
      expect(res.status).toBe(200);
      const zip = readZip(new Uint8Array(res.raw));
      if (!zip.ok) throw new Error('the exported pack did not unzip');
      const product = JSON.parse(new TextDecoder().decode(zip.entries.get('products/test-tote/product.json')));
      expect(product).toMatchObject({ gtin: TOTE_GTIN, verification: CONTACT });
    });

    it('creates a record, updates it, stores a replay once, and never applies an older copy', async () => {
      const created = await eve.request('PUT', `/api/inspections/${first.id}`, first);
      expect(created.status, created.text).toBe(201);
      expect(created.json).toMatchObject({ id: first.id, productId: 'test-tote', marks: first.marks, officer: { email: 'eve@agency.test', displayName: 'eve' }, photos: [] });
      const newer = { ...first, updatedAt: '2026-11-22T09:05:00.000Z', notes: 'Both opened totes checked.' };
      const updated = await eve.request('PUT', `/api/inspections/${first.id}`, newer);
      expect(updated.status).toBe(200);
      expect(updated.json.notes).toBe('Both opened totes checked.');
      expect((await eve.request('PUT', `/api/inspections/${first.id}`, newer)).status).toBe(200);
      expect(await countRows(app, 'inspections')).toBe(1);
      const stale = await eve.request('PUT', `/api/inspections/${first.id}`, { ...first, notes: 'an old copy' });
      expect(stale.status).toBe(200);
      expect(stale.headers['x-twinspect-stale']).toBe('1');
      expect(stale.json.notes).toBe('Both opened totes checked.');
      expect((await eve.request('GET', `/api/inspections/${first.id}`)).json.updatedAt).toBe('2026-11-22T09:05:00.000Z');
      const list = await eve.request('GET', '/api/inspections');
      expect(list.json).toEqual([
        expect.objectContaining({ id: first.id, productName: 'Aurèle tote', reference: 'CASE-2026-0042', photoCount: 0, consistent: 1, inconsistent: 1, notChecked: 1, open: [TOTE_CHECKS[2]] }),
      ]);
    });

    it("answers 404 to another examiner, an admin, and instructors, the one whose group the officer is in too; 403 to a trainee", async () => {
      const urls = ['', '/record.json', '/record.pdf', `/photos/${crypto.randomUUID()}`].map((s) => `/api/inspections/${first.id}${s}`);
      for (const who of [otto, admin, ivan, ines]) {
        for (const url of urls) expect((await who.request('GET', url)).status, url).toBe(404);
        expect((await who.request('GET', '/api/inspections')).json).toEqual([]);
      }
      for (const who of [otto, admin]) {
        const res = await who.request('PUT', `/api/inspections/${first.id}`, { ...first, updatedAt: '2026-11-22T10:00:00.000Z' });
        expect(res.status).toBe(404);
        expect(res.json.message).toContain('No inspection record');
        expect((await putFile(app, who, `/api/inspections/${first.id}/photos/${crypto.randomUUID()}`, 'p.jpg', jpegWithGps())).status).toBe(404);
      }
      expect((await trainee.request('GET', `/api/inspections/${first.id}`)).status).toBe(403);
      expect((await trainee.request('PUT', `/api/inspections/${first.id}`, first)).status).toBe(403);
      expect((await eve.request('GET', `/api/inspections/${first.id}`)).json.notes).toBe('Both opened totes checked.');
    });

    it("gives the instructor who added the officer to their group nothing of the officer's records", async () => {
      expect((await ines.request('GET', `/api/inspections/${first.id}`)).status).toBe(404);
      expect((await ines.request('GET', `/api/inspections/${first.id}/record.json`)).status).toBe(404);
      expect((await ines.request('GET', '/api/inspections')).json).toEqual([]);
      expect((await ines.request('PUT', `/api/inspections/${first.id}`, first)).status).toBe(403);
      // Nothing was read, so nothing is in the officer's access log.
      expect((await eve.request('GET', '/api/record-access-log')).json.entries).toEqual([]);
    });

    it('refuses bad bodies, naming the field', async () => {
      const put = (body: { id: string } & Record<string, unknown>, id = body.id) => eve.request('PUT', `/api/inspections/${id}`, body);
      const mismatch = await put(recordInput({ version }), crypto.randomUUID());
      expect([mismatch.status, mismatch.json.issues[0].path]).toEqual([400, 'body.id']);
      const product = await put(recordInput({ version, productId: 'no-such-product' }));
      expect([product.status, product.json.issues[0].path]).toEqual([400, 'body.productId']);
      const check = await put(recordInput({ version, marks: [{ check: TOTE_CHECKS[0], mark: 'consistent' }, { check: 'logo-typography@lid', mark: 'consistent' }] }));
      expect([check.status, check.json.issues[0].path]).toEqual([400, 'body.marks[1].check']);
      const mark = await put(recordInput({ version, marks: [{ check: TOTE_CHECKS[0], mark: 'fake' }] }));
      expect([mark.status, mark.json.issues[0].path]).toEqual([400, 'body.marks[0].mark']);
      const time = await put({ ...recordInput({ version }), startedAt: 'yesterday' });
      expect([time.status, time.json.issues[0].path]).toEqual([400, 'body.startedAt']);
      expect((await eve.request('PUT', '/api/inspections/not-a-uuid', recordInput({ version }))).status).toBe(400);
      expect(await countRows(app, 'inspections')).toBe(1);
      // Made on an older version of the product: its checks are taken as the officer saw them.
      const older = await put(recordInput({ version: 'older-version', marks: [{ check: 'logo-typography@lid', mark: 'consistent' }] }));
      expect(older.status, older.text).toBe(201);
    });

    it('stores a photo without its GPS position, once per id, and keeps the position when asked', async () => {
      const url = `/api/inspections/${first.id}/photos/${crypto.randomUUID()}`;
      const sent = jpegWithGps();
      const res = await putFile(app, eve, `${url}?check=${encodeURIComponent(TOTE_CHECKS[0]!)}&caption=Logo%20close-up`, 'logo.jpg', sent);
      expect(res.status, res.text).toBe(201);
      expect(res.json).toMatchObject({ check: TOTE_CHECKS[0], caption: 'Logo close-up', mediaType: 'image/jpeg', locationKept: false, url });
      const stored = await eve.request('GET', url);
      expect(stored.headers['content-type']).toBe('image/jpeg');
      expect(contains(stored.raw, LATITUDE_BYTES)).toBe(false);
      expect(ifd0Tags(stored.raw)?.get(0x0112)?.value).toBe(6);
      expect(ifd0Tags(stored.raw)?.has(0x8825)).toBe(false);
      for (const who of [ines, admin, otto]) expect((await who.request('GET', url)).status).toBe(404);

      const again = await putFile(app, eve, url, 'logo.jpg', sent);
      expect([again.status, again.json.id]).toEqual([200, res.json.id]);
      expect(await countRows(app, 'inspection_photos')).toBe(1);

      const kept = await putFile(app, eve, `/api/inspections/${first.id}/photos/${crypto.randomUUID()}?keepLocation=true`, 'where.jpg', sent);
      expect([kept.status, kept.json.locationKept]).toEqual([201, true]);
      expect(contains((await eve.request('GET', kept.json.url)).raw, LATITUDE_BYTES)).toBe(true);
      expect((await eve.request('GET', `/api/inspections/${first.id}`)).json.photos).toHaveLength(2);
    });

    it('refuses a file that is not an image and stores nothing', async () => {
      const [photos, files] = [await countRows(app, 'inspection_photos'), await countRows(app, 'stored_files')];
      const res = await putFile(app, eve, `/api/inspections/${first.id}/photos/${crypto.randomUUID()}`, 'notes.txt', new TextEncoder().encode('not a photo at all'));
      expect(res.status).toBe(415);
      expect(res.json.message).toContain('"notes.txt" is not a JPEG, PNG or WebP image');
      expect([await countRows(app, 'inspection_photos'), await countRows(app, 'stored_files')]).toEqual([photos, files]);
    });

    it('exports the case file as JSON, with the statement, the marks and the contact, in a chosen language', async () => {
      const res = await eve.request('GET', `/api/inspections/${first.id}/record.json`);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="inspection-.*\.json"$/);
      expect(res.json.statement).toBe(OFFICER_DECISION_STATEMENT);
      expect(res.json.product).toMatchObject({ id: 'test-tote', name: 'Aurèle tote', gtin: TOTE_GTIN, contentVersion: version, verification: CONTACT });
      expect(res.json.checks.map((c: { key: string; mark: string }) => [c.key, c.mark])).toEqual([
        // Checklist order: equally severe and common here, so by key.
        [TOTE_CHECKS[1], 'consistent'],
        [TOTE_CHECKS[0], 'inconsistent'],
        [TOTE_CHECKS[2], 'not_checked'],
      ]);
      expect(res.json.checks[1].note).toBe('Serif font on the logo; é ñ kept');
      expect(res.json.tally).toMatchObject({ consistent: 1, inconsistent: 1, notChecked: 1 });
      expect(res.json).not.toHaveProperty('verdict');
      expect((await eve.request('GET', `/api/inspections/${first.id}/record.json?lang=fr`)).json.product.name).toBe('Cabas Aurèle');
    });

    it('exports the case file as a PDF with the product, the marks, the officer and the statement', async () => {
      await eve.request('PUT', `/api/inspections/${first.id}`, { ...first, updatedAt: '2026-11-22T09:30:00.000Z', notes: 'Seen in 東京 → sent on ✓. Ça va, señor. ' + 'long '.repeat(300) });
      const res = await eve.request('GET', `/api/inspections/${first.id}/record.pdf`);
      expect(res.status, res.text.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="inspection-.*\.pdf"$/);
      const text = flat(pdfText(res.raw));
      for (const expected of ['Inspection record', 'Aurèle tote', TOTE_GTIN, version, 'eve <eve@agency.test>', 'CASE-2026-0042', 'Consistent with genuine', 'Inconsistent with genuine', 'Not checked', 'Serif font on the logo; é ñ kept', 'Ça va, señor', '-> sent on v', CONTACT.organisation, CONTACT.email]) {
        expect(text, expected).toContain(expected);
      }
      expect(text.split(flat(OFFICER_DECISION_STATEMENT)).length - 1, 'the statement at the top and the bottom').toBe(2);
    });

    it('prints the case file in the asked language: headings, fields, marks, tools and severities; times as people read them in the asked time zone; no internal keys; one count a line', async () => {
      const cases = [
        { lang: 'es', tz: 'Europe/Madrid', words: ['Registro de inspección', 'Producto: Aurèle tote', 'Agente: eve <eve@agency.test>', 'Recuento de las marcas', 'Controles', 'Notas del agente', 'Fotos', 'Zona horaria: Europe/Madrid', 'A simple vista', 'Grave', /Foto \d: Seal \(control 2: \w/], started: 'Iniciado: 22 de noviembre de 2026 a las 10:00 CET', counts: ['Conforme con el auténtico: 1', 'No conforme con el auténtico: 1', 'Sin controlar: 1'] },
        { lang: 'fr', tz: 'America/New_York', words: ['Dossier d\'inspection', 'Produit : Cabas Aurèle', 'Agent : eve <eve@agency.test>', 'Décompte des marques', 'Contrôles', 'Notes de l\'agent', 'Photos', 'Fuseau horaire : America/New_York', 'À l’œil nu', 'Majeur', /Photo \d : Seal \(contrôle 2 : \w/], started: 'Commencé : 22 novembre 2026 à 04:00 UTC-5', counts: ['Conforme à l\'authentique : 1', 'Non conforme à l\'authentique : 1', 'Non contrôlé : 1'] },
        { lang: 'en', tz: undefined, words: ['Inspection record', 'Counts of the marks', 'Time zone: UTC', 'Naked eye', 'Major', /Photo \d: Seal \(check 2: \w/], started: 'Started: 22 November 2026 at 09:00 UTC', counts: ['Consistent with genuine: 1', 'Inconsistent with genuine: 1', 'Not checked: 1'] },
      ];
      // A photo of the logo check (second in checklist order), as a small PNG made here.
      const png = rgbPng(32, 24, (x) => (x < 16 ? [200, 30, 30] : [240, 240, 240]));
      const photo = await putFile(app, eve, `/api/inspections/${first.id}/photos/${crypto.randomUUID()}?check=${encodeURIComponent(TOTE_CHECKS[0]!)}&caption=Seal`, 'seal.png', png);
      expect(photo.status, photo.text).toBe(201);
      for (const c of cases) {
        const res = await eve.request('GET', `/api/inspections/${first.id}/record.pdf?lang=${c.lang}${c.tz ? `&tz=${encodeURIComponent(c.tz)}` : ''}`);
        expect(res.status, res.text.slice(0, 200)).toBe(200);
        const raw = pdfText(res.raw);
        const text = flat(raw);
        for (const expected of [...c.words, c.started]) {
          if (typeof expected === 'string') expect(text, `${c.lang}: ${expected}\n${raw}`).toContain(flat(expected));
          else expect(text, `${c.lang}: ${expected}\n${raw}`).toMatch(expected);
        }
        // The statement in the language asked for, at the top and the bottom.
        const statement = (await eve.request('GET', `/api/inspections/${first.id}/record.json?lang=${c.lang}`)).json.statement as string;
        expect(text.split(flat(statement)).length - 1, `${c.lang}: the statement twice`).toBe(2);
        if (c.lang !== 'en') expect(statement).not.toBe(OFFICER_DECISION_STATEMENT);
        // Each count on its own line.
        const lines = raw.split(/\r?\n/).map((l) => l.trim());
        for (const count of c.counts) expect(lines, `${c.lang}: "${count}" alone on a line\n${raw}`).toContain(count);
        // No ISO timestamps, no tool ids, no check keys (the only "@" left are in e-mail addresses).
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
        expect(text).not.toContain('naked-eye');
        for (const key of TOTE_CHECKS) expect(text).not.toContain(key);
        expect(text.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '')).not.toContain('@');
      }
    });

    it('refuses a time zone it does not know, naming the parameter', async () => {
      const res = await eve.request('GET', `/api/inspections/${first.id}/record.pdf?tz=Mars%2FOlympus`);
      expect(res.status).toBe(400);
      expect(res.json.issues[0].path).toBe('query.tz');
    });
  });
}
