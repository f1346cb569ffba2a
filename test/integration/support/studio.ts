/**
 * The studio from a test's side: an app on a fresh PGlite (or PostgreSQL) database, multipart uploads
 * as a browser sends them, points taken from a model's surface, and counts of what the database holds.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dequantize } from '@gltf-transform/functions';
import { sql } from 'drizzle-orm';
import type { SurfacePoint, Tell } from '../../../src/domain/catalogue';
import { createApp, type App } from '../../../src/server/app';
import { modelIO } from '../../../src/server/uploads/gltf-io';
import { writeFixturePack } from '../../unit/server/fixture-pack';
import type { Client } from './app-client';

export async function studioApp(databaseUrl?: string): Promise<App> {
  const tmp = (name: string) => mkdtemp(join(tmpdir(), `twinspect-${name}-`));
  return createApp({ port: 0, host: '127.0.0.1', dataDir: await tmp('data'), databaseUrl, contentDir: await writeFixturePack(), distDir: await tmp('dist') });
}

/** Sends one file as multipart/form-data in the field `file`, the way the app's uploads do. */
export async function sendFile(app: App, client: Client, method: 'POST' | 'PUT', url: string, name: string, bytes: Uint8Array) {
  const boundary = '----twinspect-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const res = await app.server.inject({
    method,
    url,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(client.cookie ? { cookie: client.cookie } : {}) },
  });
  let json: any;
  try {
    json = res.json();
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, json, text: res.body, raw: res.rawPayload };
}

/** POSTs one file, as the studio's upload does. */
export const postFile = (app: App, client: Client, url: string, name: string, bytes: Uint8Array) => sendFile(app, client, 'POST', url, name, bytes);

/** Rows in a table: to show that a refused request stored nothing. */
export async function rowCount(app: App, table: 'stored_files' | 'product_versions' | 'review_comments' | 'products'): Promise<number> {
  const result = await app.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
  const rows = Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows;
  return Number((rows[0] as { n: number }).n);
}

/** Points on the model's surface: a vertex of each of the first named nodes with a mesh, in world space. */
export async function surfacePoints(glb: Uint8Array, count = 2): Promise<SurfacePoint[]> {
  const io = await modelIO();
  const doc = await io.readBinary(glb);
  await doc.transform(dequantize());
  const points: SurfacePoint[] = [];
  for (const node of doc.getRoot().listNodes()) {
    const position = node.getMesh()?.listPrimitives()[0]?.getAttribute('POSITION');
    if (!position || !node.getName() || points.some((p) => p.node === node.getName())) continue;
    const [x, y, z] = position.getElement(0, [0, 0, 0]);
    const m = node.getWorldMatrix();
    const world: [number, number, number] = [
      m[0] * x! + m[4] * y! + m[8] * z! + m[12],
      m[1] * x! + m[5] * y! + m[9] * z! + m[13],
      m[2] * x! + m[6] * y! + m[10] * z! + m[14],
    ];
    points.push({ position: world, normal: [0, 1, 0], node: node.getName() });
    if (points.length === count) break;
  }
  return points;
}

export function tellAt(id: string, at: SurfacePoint, genuineAt: SurfacePoint, o: Partial<Tell> = {}): Tell {
  return {
    id,
    title: `Tell ${id}`,
    category: 'safety-compliance-mark',
    iso: 'overt',
    tool: 'naked-eye',
    genuine: 'The mark is embossed, crisp.',
    counterfeit: 'The mark is printed, blurred.',
    severity: 'major',
    tolerance: 0.01,
    at,
    genuineAt,
    ...o,
  };
}

export const NEW_PRODUCT = {
  name: 'Lumen 30 W charger',
  brand: 'Lumen',
  category: 'electrical',
  hsCode: '8504.40',
  description: 'A 30 W USB-C wall charger.',
  cocoClasses: ['cell phone'],
} as const;
