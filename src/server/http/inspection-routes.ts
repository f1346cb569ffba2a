/**
 * The inspection assistant's records: examiners (and admins) keep their own; a record is read by its
 * officer and by a supervisor whose accepted grant covers it (record-access.ts), and by nobody else —
 * not even an admin: to anyone else a record answers 404, so that its existence does not leak. Every
 * read of someone else's record is logged first. Photos are in inspection-photo-routes.ts, grants and
 * the access log in supervision-routes.ts; the case-file exports (JSON and PDF) are here.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Product } from '../../domain/catalogue';
import { checklist, InspectionInput, tally, type CheckMark } from '../../domain/inspection';
import { TEXT_LANGUAGES, textIn } from '../../domain/local-text';
import { INSPECTING } from '../../domain/roles';
import { userOf } from '../auth/access';
import { catalogueVersion } from '../catalogue/version';
import type { CatalogueStore, ListOptions } from '../db/catalogue-store';
import type { Db } from '../db/database';
import { createAccessLog } from '../inspections/access-log';
import { createInspectionStore } from '../inspections/inspection-store';
import { createPhotoFileStore } from '../inspections/photo-files';
import { isTimeZone } from '../inspections/case-file-words';
import { createSupervisionStore } from '../inspections/supervision-store';
import { caseFile } from '../inspections/record-export';
import { recordPdf } from '../inspections/record-pdf';
import { registerInspectionPhotoRoutes } from './inspection-photo-routes';
import { INSPECTION_READERS, logRead, noRecord, readableRecord, recordIdOf, type RecordReading } from '../inspections/record-access';
import { registerSupervisionRoutes } from './supervision-routes';
import { parseOr400, sendInvalid as invalid, type FieldIssue } from './validate';

const ListQuery = z.object({ lang: z.enum(TEXT_LANGUAGES).default('en') });
/** The exports: the language, and the time zone the PDF prints its times in (the officer's device's; UTC without one). */
const ExportQuery = ListQuery.extend({
  tz: z.string().max(64).refine(isTimeZone, 'must be a time zone name such as Europe/Madrid or UTC').default('UTC'),
});

/** Problems of the marks against the product's checklist: unknown checks and checks marked twice. */
function markIssues(product: Product, marks: CheckMark[]): FieldIssue[] {
  const keys = new Set(checklist(product).map((c) => c.key));
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  marks.forEach((m, i) => {
    const path = `body.marks[${i}].check`;
    if (!keys.has(m.check)) issues.push({ path, message: `"${m.check}" is not a check of ${product.id} (its checks: ${[...keys].join(', ')})` });
    else if (seen.has(m.check)) issues.push({ path, message: `"${m.check}" is marked twice` });
    seen.add(m.check);
  });
  return issues;
}

export function registerInspectionRoutes(app: FastifyInstance, deps: { db: Db; store: CatalogueStore }): void {
  const inspections = createInspectionStore(deps.db);
  const photoFiles = createPhotoFileStore(deps.db);
  const reading: RecordReading = { inspections, supervision: createSupervisionStore(deps.db), log: createAccessLog(deps.db) };
  const { store } = deps;
  const productNow = async (id: string, opts?: ListOptions) => {
    const found = await store.get(id, opts);
    return found && { product: found.product, version: catalogueVersion(found.product) };
  };

  app.put('/api/inspections/:id', { config: { access: INSPECTING } }, async (request, reply) => {
    // The body is checked before the id's owner is looked at, so that a bad body answers alike whether
    // the id is another officer's record's, no record's, or not even a UUID (body.id must be one).
    const user = userOf(request);
    const body = parseOr400(InspectionInput, request.body, reply, 'body');
    if (!body) return reply;
    const id = recordIdOf(request);
    if (body.id !== id) return invalid(reply, [{ path: 'body.id', message: 'must be the id in the URL' }]);
    const product = await productNow(body.productId);
    if (!product) return invalid(reply, [{ path: 'body.productId', message: `"${body.productId}" is not a product of the catalogue` }]);
    // A record made on an older version of the product keeps its marks: the officer saw those checks.
    const issues = body.contentVersion === product.version ? markIssues(product.product, body.marks) : [];
    if (issues.length > 0) return invalid(reply, issues);
    const outcome = await inspections.put(user.id, body);
    if (outcome === 'not_yours') return noRecord(reply);
    const record = await inspections.get(id);
    if (outcome === 'stale') reply.header('x-twinspect-stale', '1');
    return reply.code(outcome === 'created' ? 201 : 200).send(record);
  });

  app.get('/api/inspections', { config: { access: INSPECTION_READERS } }, async (request, reply) => {
    const query = parseOr400(ListQuery, request.query, reply, 'query');
    if (!query) return reply;
    const user = userOf(request);
    const [rows, products] = await Promise.all([inspections.list(user), store.list({ publishedOnly: false })]);
    // One entry per other officer whose records were listed (their references and counts were read).
    const listed = new Map<string, number>();
    for (const r of rows) if (r.officer.id !== user.id) listed.set(r.officer.id, (listed.get(r.officer.id) ?? 0) + 1);
    await reading.log.add(...[...listed].map(([examinerId, n]) => ({ actorId: user.id, examinerId, action: 'records_listed' as const, detail: String(n) })));
    const byId = new Map(products.map((p) => [p.product.id, p.product]));
    return rows.map(({ record, officer, photoCount }) => {
      const product = byId.get(record.productId);
      const checks = product ? checklist(product) : record.marks.map((m) => ({ key: m.check }));
      return {
        id: record.id,
        productId: record.productId,
        productName: product ? textIn(product.name, query.lang) : record.productId,
        contentVersion: record.contentVersion,
        reference: record.reference,
        startedAt: record.startedAt.toISOString(),
        updatedAt: record.updatedAt.toISOString(),
        storedAt: record.storedAt.toISOString(),
        // The counts of the marks (never a verdict), and the checks still open.
        ...tally(checks, record.marks),
        photoCount,
        officer,
      };
    });
  });

  app.get('/api/inspections/:id', { config: { access: INSPECTION_READERS } }, async (request, reply) => {
    const readable = await readableRecord(reading, request, reply);
    if (!readable) return reply;
    await logRead(reading, readable, 'record_read');
    return readable.record;
  });

  /** The case file of a readable record (the read logged as `action`), or undefined with the reply sent. */
  async function caseFileFor(request: FastifyRequest, reply: FastifyReply, action: 'record_json' | 'record_pdf') {
    const query = parseOr400(ExportQuery, request.query, reply, 'query');
    const readable = query && (await readableRecord(reading, request, reply));
    if (!query || !readable) return undefined;
    await logRead(reading, readable, action);
    const { record } = readable;
    return caseFile(record, await productNow(record.productId, { publishedOnly: false }), query.lang, new Date(), query.tz);
  }

  app.get('/api/inspections/:id/record.json', { config: { access: INSPECTION_READERS } }, async (request, reply) => {
    const file = await caseFileFor(request, reply, 'record_json');
    if (!file) return reply;
    return reply
      .header('content-disposition', `attachment; filename="inspection-${file.record.id}.json"`)
      .header('cache-control', 'private, no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(file, null, 2));
  });

  app.get('/api/inspections/:id/record.pdf', { config: { access: INSPECTION_READERS } }, async (request, reply) => {
    const file = await caseFileFor(request, reply, 'record_pdf');
    if (!file) return reply;
    const photos = [];
    for (const p of file.record.photos) {
      const row = await inspections.photo(file.record.id, p.id);
      const stored = row && (await photoFiles.get(row.fileSha256));
      if (stored) photos.push({ id: p.id, caption: p.caption, check: p.check, mediaType: p.mediaType, bytes: stored.bytes });
    }
    const pdf = await recordPdf(file, photos);
    return reply
      .header('content-disposition', `attachment; filename="inspection-${file.record.id}.pdf"`)
      .header('cache-control', 'private, no-store')
      .type('application/pdf')
      .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });

  registerInspectionPhotoRoutes(app, { ...reading, photoFiles });
  registerSupervisionRoutes(app, { ...reading, db: deps.db, store });
}
