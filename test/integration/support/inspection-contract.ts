/**
 * The inspection assistant's server from a test's side: an app on a fresh database whose fixture pack
 * gives test-tote a GTIN, a verification contact and a French name; examiners, an instructor who owns
 * one examiner's group (which opens none of their records) and one who does not; records put as a device
 * sends them, photos as multipart PUTs.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createApp, type App } from '../../../src/server/app';
import { writeFixturePack } from '../../unit/server/fixture-pack';
import type { Client } from './app-client';
import { sendFile } from './studio';

export const TOTE_GTIN = '2009900000019';
export const TOTE_CHECKS = ['logo-typography@body', 'label-serial-codes@body', 'materials-colour@body'];
export const CONTACT = {
  organisation: 'Testbrand Brand Protection (fictional)',
  email: 'verify@testbrand.example',
  url: 'https://testbrand.example/verify',
  note: 'Fictional contact for training; not a real company.',
};

export async function inspectionApp(databaseUrl?: string): Promise<App> {
  const tmp = (name: string) => mkdtemp(join(tmpdir(), `twinspect-${name}-`));
  const contentDir = await writeFixturePack(undefined, (products) => {
    Object.assign(products[0]!, { name: { en: 'Aurèle tote', fr: 'Cabas Aurèle' }, gtin: TOTE_GTIN, verification: CONTACT });
  });
  return createApp({ port: 0, host: '127.0.0.1', dataDir: await tmp('data'), databaseUrl, contentDir, distDir: await tmp('dist') });
}

/** A record as the device sends it; `at` is minutes after 09:00 for its updatedAt. */
export function recordInput(o: { id?: string; version: string; at?: number; marks?: unknown[]; notes?: string; productId?: string }) {
  return {
    id: o.id ?? randomUUID(),
    productId: o.productId ?? 'test-tote',
    contentVersion: o.version,
    reference: 'CASE-2026-0042',
    startedAt: '2026-11-22T09:00:00.000Z',
    updatedAt: new Date(Date.UTC(2026, 10, 22, 9, o.at ?? 1)).toISOString(),
    marks: o.marks ?? [
      { check: TOTE_CHECKS[0], mark: 'inconsistent', note: 'Serif font on the logo; é ñ kept' },
      { check: TOTE_CHECKS[1], mark: 'consistent' },
    ],
    notes: o.notes ?? 'Shipment of 40 totes, two opened.',
  };
}

/** PUTs one file as multipart/form-data (field `file`). */
export const putFile = (app: App, client: Client, url: string, name: string, bytes: Uint8Array) => sendFile(app, client, 'PUT', url, name, bytes);

export async function countRows(app: App, table: 'inspections' | 'inspection_photos' | 'stored_files'): Promise<number> {
  const result = await app.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
  const rows = Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows;
  return Number((rows[0] as { n: number }).n);
}

/** The definition of the users.role CHECK constraint, by its name. */
export async function roleCheck(app: App): Promise<string | undefined> {
  const result = await app.database.db.execute(
    sql.raw(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'users_role_check' AND conrelid = 'users'::regclass`),
  );
  const rows = Array.isArray(result) ? result : (result as { rows: { def: string }[] }).rows;
  return (rows[0] as { def: string } | undefined)?.def;
}
