/**
 * The authoring workflow: an author makes a draft and edits it (theirs only), submits it, a reviewer
 * who is not its author publishes it or returns it with a comment. Editing a published or returned
 * version starts a new draft, so every version that was reviewed is kept as it was.
 */
import type { z } from 'zod';
import { diffProducts } from '../../domain/catalogue-diff';
import { Product, ProductDraft, ProductInfo } from '../../domain/catalogue';
import type { SessionUser } from '../../domain/roles';
import { pathText, type FieldIssue } from '../http/validate';
import { checkDraftFiles, type SurfaceCache } from './draft-files';
import type { FileStore } from './file-store';
import type { ProductVersion, VersionStore } from './version-store';
import { textIn } from '../../domain/local-text';

export class StudioError extends Error {
  override name = 'StudioError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
  }
}

/** What an author fills in to start a product; the id is made from the name when left out. */
export const NewProduct = ProductInfo.extend({
  id: ProductInfo.shape.id.optional(),
  photos: ProductInfo.shape.photos.default([]),
}).strict();
export type NewProduct = z.infer<typeof NewProduct>;

export function slugOf(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '') || 'product';
}

const isAdmin = (user: SessionUser) => user.role === 'admin';
const mayAuthor = (user: SessionUser) => user.role === 'author' || isAdmin(user);
const mayReview = (user: SessionUser) => user.role === 'reviewer' || isAdmin(user);

function invalid(code: string, what: string, issues: FieldIssue[]): StudioError {
  return new StudioError(400, code, `${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

/** `published` hears of each product just published (the USDZ files for Apple devices are made then); it must not throw. */
export function createStudioService(deps: { versions: VersionStore; files: FileStore; surfaces: SurfaceCache; published?: (product: Product) => void }) {
  const { versions } = deps;

  async function latestOr404(productId: string): Promise<ProductVersion> {
    const latest = await versions.latest(productId);
    if (!latest) throw new StudioError(404, 'product_not_found', `No authored product ${JSON.stringify(productId)}.`);
    return latest;
  }

  /** Who may see a product in the studio: its authors, reviewers once it is in review or published, admins. */
  async function visible(user: SessionUser, latest: ProductVersion): Promise<boolean> {
    if (isAdmin(user)) return true;
    const published = latest.status === 'published' || !!(await versions.published(latest.productId));
    if (mayReview(user) && (latest.status === 'in_review' || published)) return true;
    return mayAuthor(user) && (published || (await versions.authoredBy(user.id)).has(latest.productId));
  }

  /** The models, photos and tell points of a document, on top of its schema. */
  async function checkFiles(document: ProductDraft, where: string): Promise<void> {
    const problems = await checkDraftFiles(document, deps.files, deps.surfaces);
    if (problems.length === 0) return;
    const issues = problems.map((p) => ({ path: `${where}.${p.path}`, message: p.message }));
    const offSurface = problems.some((p) => /mm from the surface/.test(p.message));
    throw invalid(offSurface ? 'tell_off_surface' : 'invalid_files', offSurface ? 'A tell is placed off the surface of its model' : 'The product refers to files this server does not have', issues);
  }

  async function get(user: SessionUser, productId: string) {
    const latest = await latestOr404(productId);
    if (!(await visible(user, latest))) throw new StudioError(403, 'not_visible', 'This product is another author\'s draft.');
    return { latest, history: await versions.history(productId), comments: await versions.comments(productId) };
  }

  return {
    async create(user: SessionUser, info: NewProduct): Promise<ProductVersion> {
      const id = info.id ?? slugOf(textIn(info.name, 'en'));
      if (await versions.idTaken(id)) {
        throw new StudioError(409, 'product_exists', `A product with the id "${id}" exists already: choose another id (body.id).`, [{ path: 'body.id', message: 'is taken' }]);
      }
      const document: ProductDraft = { ...info, id, variants: [] };
      await checkFiles(document, 'body');
      return versions.add(id, document, user.id);
    },

    async list(user: SessionUser): Promise<ProductVersion[]> {
      const all = await versions.latestOfAll();
      const seen = await Promise.all(all.map((v) => visible(user, v)));
      const own = mayAuthor(user) && !isAdmin(user) ? await versions.authoredBy(user.id) : undefined;
      // An author's list is their own products; a reviewer's, those in review and published.
      return all.filter((v, i) => seen[i] && (!own || own.has(v.productId) || mayReview(user)));
    },

    get,

    /** Replaces the draft (the client keeps undo and redo, and sends whole documents). */
    async saveDraft(user: SessionUser, productId: string, document: ProductDraft): Promise<ProductVersion> {
      if (document.id !== productId) {
        throw invalid('invalid_request', 'The document is another product', [{ path: 'body.id', message: `must be "${productId}", the product being edited` }]);
      }
      const latest = await latestOr404(productId);
      if (latest.status === 'in_review') {
        throw new StudioError(409, 'in_review', `Version ${latest.version} is with the reviewers: it can be changed once they publish or return it.`);
      }
      if (latest.status === 'draft' && latest.authorId !== user.id && !isAdmin(user)) {
        throw new StudioError(403, 'not_your_draft', `Version ${latest.version} of ${productId} is another author's draft: only its author (or an admin) may edit it.`);
      }
      if (latest.status !== 'draft' && !(await visible(user, latest))) {
        throw new StudioError(403, 'not_visible', 'This product is another author\'s draft.');
      }
      await checkFiles(document, 'body');
      // A published or returned version stays as it was reviewed: changing it starts the next version.
      return latest.status === 'draft' ? versions.replaceDraft(productId, latest.version, document) : versions.add(productId, document, user.id);
    },

    async submit(user: SessionUser, productId: string): Promise<ProductVersion> {
      const latest = await latestOr404(productId);
      if (latest.status !== 'draft') {
        throw new StudioError(409, 'not_a_draft', `Version ${latest.version} is ${latest.status.replace('_', ' ')}: only a draft can be sent for review${latest.status === 'returned' ? ' (change it first: that starts a new draft)' : ''}.`);
      }
      if (latest.authorId !== user.id && !isAdmin(user)) {
        throw new StudioError(403, 'not_your_draft', `Version ${latest.version} of ${productId} is another author's draft: only its author may send it for review.`);
      }
      const finished = Product.safeParse(latest.document);
      if (!finished.success) {
        throw invalid('not_finished', 'The product is not finished', finished.error.issues.map((i) => ({ path: pathText(['document', ...i.path]), message: i.message })));
      }
      await checkFiles(finished.data, 'document');
      await versions.submit(productId, latest.version);
      return (await versions.latest(productId))!;
    },

    /** What changed since the last published version: the reviewer's reading list. */
    async diff(user: SessionUser, productId: string) {
      const { latest } = await get(user, productId);
      const base = await versions.previouslyPublished(productId, latest.version);
      return { productId, from: base?.version ?? null, to: latest.version, status: latest.status, changes: diffProducts(base?.document, latest.document) };
    },

    async review(user: SessionUser, productId: string, decision: 'publish' | 'return', comment: string | undefined): Promise<ProductVersion> {
      const latest = await latestOr404(productId);
      if (latest.status !== 'in_review') {
        throw new StudioError(409, 'not_in_review', `Version ${latest.version} of ${productId} is ${latest.status.replace('_', ' ')}, not in review.`);
      }
      if (latest.authorId === user.id) {
        throw new StudioError(403, 'own_draft', 'A reviewer may not review their own draft: another reviewer must publish or return it.');
      }
      if (decision === 'return') await versions.returnToAuthor(productId, latest.version, user.id, comment!);
      else {
        const product = Product.parse(latest.document);
        await versions.publish(product, latest.version, user.id, comment);
        deps.published?.(product);
      }
      return (await versions.history(productId)).find((v) => v.version === latest.version)!;
    },
  };
}

export type StudioService = ReturnType<typeof createStudioService>;
