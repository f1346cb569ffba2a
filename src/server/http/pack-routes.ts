/**
 * Content packs in and out of the studio, for authors and admins: GET /api/studio/export.zip (every
 * published product, built-in ones included, or ?product=ID) and POST /api/studio/import (a zip,
 * multipart; drafts of the caller, or published at once with ?publish=true, which only an admin may ask).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formatPackError } from '../catalogue/pack-error';
import { userOf } from '../auth/access';
import type { CatalogueStore } from '../db/catalogue-store';
import { exportPack, type ExportDeps } from '../studio/pack-export';
import { checkPackZip, importPack, type ImportDeps, type PackCheck } from '../studio/pack-import';
import { ChecksBusy } from '../uploads/model-check-pool';
import { MAX_PACK_ZIP_BYTES } from '../studio/pack-zip';
import { AUTHORS } from './studio-routes';
import { busy, readOneFile } from './upload-routes';
import { parseOr400 } from './validate';
import { textIn } from '../../domain/local-text';

const ExportQuery = z.object({ product: z.string().min(1).max(100).optional() }).strict();
const ImportQuery = z.object({ publish: z.enum(['true', 'false']).optional() }).strict();

export function registerPackRoutes(app: FastifyInstance, deps: ExportDeps & ImportDeps & { store: CatalogueStore }): void {
  app.get('/api/studio/export.zip', { config: { access: AUTHORS } }, async (request, reply) => {
    const query = parseOr400(ExportQuery, request.query, reply, 'query');
    if (!query) return reply;
    const one = query.product ? await deps.store.get(query.product) : undefined;
    if (query.product && !one) {
      return reply.code(404).send({ error: 'product_not_found', message: `No published product ${JSON.stringify(query.product)}: only published versions are exported.` });
    }
    const products = one ? [one] : await deps.store.list();
    let zip: Uint8Array;
    try {
      zip = await exportPack(products, one ? textIn(one.product.name, 'en') : 'Twinspect catalogue', deps);
    } catch (err) {
      return reply.code(500).send({ error: 'export_failed', message: `The pack could not be written: ${err instanceof Error ? err.message : String(err)}` });
    }
    return reply
      .type('application/zip')
      .header('content-disposition', `attachment; filename="${one ? one.product.id : 'twinspect-catalogue'}.zip"`)
      .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });

  app.post('/api/studio/import', { config: { access: AUTHORS } }, async (request, reply) => {
    const query = parseOr400(ImportQuery, request.query, reply, 'query');
    if (!query) return reply;
    const user = userOf(request);
    const publish = query.publish === 'true';
    if (publish && user.role !== 'admin') {
      return reply.code(403).send({ error: 'admin_only', message: 'Only an admin may publish on import; import as drafts and send them for review.' });
    }
    const upload = await readOneFile(request, reply, MAX_PACK_ZIP_BYTES);
    if (!upload) return reply;
    let checked: PackCheck;
    try {
      checked = await checkPackZip(upload.bytes);
    } catch (err) {
      if (err instanceof ChecksBusy) return busy(reply, err);
      throw err;
    }
    const result = checked.ok ? await importPack(checked.products, { authorId: user.id, publish }, deps) : checked;
    if ('errors' in result) {
      return reply.code(400).send({
        error: 'invalid_pack',
        message: `The pack was not imported (nothing was stored): ${result.errors.map(formatPackError).join('; ')}`,
        issues: result.errors,
      });
    }
    return reply.code(201).send(result);
  });
}
