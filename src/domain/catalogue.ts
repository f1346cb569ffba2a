/**
 * The catalogue format: one zod schema shared by the app, the server and the files in content/.
 * Pure TypeScript: no React, three, DOM or Node imports.
 */
import { z } from 'zod';
import { COCO_CLASSES } from './coco';
import { DraftLocalTextSchema, LocalTextSchema } from './local-text';
import { gtinProblem } from './gtin';

export const TELL_CATEGORIES = [
  'logo-typography',
  'security-feature',
  'stitching-construction',
  'label-serial-codes',
  'materials-colour',
  'packaging-print',
  'safety-compliance-mark',
] as const;
export const TellCategory = z.enum(TELL_CATEGORIES);
export type TellCategory = z.infer<typeof TellCategory>;

/** ISO 22383 authentication level: overt (senses), covert (simple tool), forensic (lab). */
export const IsoClass = z.enum(['overt', 'covert', 'forensic']);
export type IsoClass = z.infer<typeof IsoClass>;

/** The examiner's tool that reveals a tell. */
export const REVEAL_TOOLS = ['naked-eye', 'loupe', 'uv', 'measure', 'weight'] as const;
export const RevealTool = z.enum(REVEAL_TOOLS);
export type RevealTool = z.infer<typeof RevealTool>;

export const Severity = z.enum(['minor', 'major', 'critical']);
export type Severity = z.infer<typeof Severity>;

export const PRODUCT_CATEGORIES = [
  'handbag',
  'footwear',
  'watch',
  'electrical',
  'medicine',
  'perfume',
  'audio',
  'auto-part',
  'toy',
  'other',
] as const;
export const ProductCategory = z.enum(PRODUCT_CATEGORIES);
export type ProductCategory = z.infer<typeof ProductCategory>;

const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by "-", e.g. "aurel-tote"');
const Text = z.string().trim().min(1, 'must not be empty');
/** A text trainees read: a plain string, or {"en": …, "es": …, "fr": …} (see local-text.ts). */
const LocalText = LocalTextSchema;
const DraftLocalText: typeof LocalText = DraftLocalTextSchema;
const Vec3 = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);
const UnitVec3 = Vec3.refine(([x, y, z]) => Math.abs(Math.hypot(x, y, z) - 1) < 0.01, {
  message: 'must be a unit vector (length 1)',
});
/** A relative path to a file inside the pack: no "..", no leading "/", no backslashes. */
const PackPath = (ext: RegExp, what: string) =>
  z
    .string()
    .regex(/^(?!\/)(?!.*\.\.)(?!.*\\)[\w./-]+$/, 'must be a relative path inside the pack')
    .regex(ext, `must name a ${what} file`);

/** A point on a model's surface, in model space (metres), with its outward normal and the glTF node it lies on. */
export const SurfacePoint = z.object({
  position: Vec3,
  normal: UnitVec3,
  node: Text,
});
export type SurfacePoint = z.infer<typeof SurfacePoint>;

/** A tell's fields; `text` is the schema of its texts (a draft's may still be empty). */
const tellFields = (text: typeof LocalText) => ({
  id: Id,
  title: text,
  category: TellCategory,
  iso: IsoClass,
  tool: RevealTool,
  /** What the genuine item shows here. */
  genuine: text,
  /** What this counterfeit shows instead. */
  counterfeit: text,
  severity: Severity,
  /** How far from `at` (metres) a trainee's pick still counts as finding this tell. */
  tolerance: z.number().positive().max(0.2),
  /**
   * The tell is the whole part `at` lies on (the cap, the strap), not one spot of it: a pick anywhere
   * on that part finds it. The server measures the part on the model when it makes a drill.
   */
  wholePart: z.boolean().optional(),
  /** Where the tell is on this counterfeit. */
  at: SurfacePoint,
  /** The paired point on the genuine model. */
  genuineAt: SurfacePoint,
});
export const Tell = z.object(tellFields(LocalText));
export type Tell = z.infer<typeof Tell>;
const DraftTell = z.object(tellFields(DraftLocalText));

export const VariantKind = z.enum(['genuine', 'counterfeit']);
export type VariantKind = z.infer<typeof VariantKind>;

/** A variant's fields: finished, or as a draft holds it (texts may be empty, a weight of 0 is "not weighed yet"). */
const variantFields = (finished: boolean) => {
  const text = finished ? LocalText : DraftLocalText;
  return {
    id: Id,
    kind: VariantKind,
    label: text,
    /** GLB file, relative to the product's folder. */
    model: PackPath(/\.glb$/, '.glb'),
    /** Weight of the physical item in grams, as a scale would show it. */
    weightGrams: finished ? z.number().positive('enter the weight a scale shows, in grams') : z.number().nonnegative(),
    /** Where this specimen (or its description) comes from. */
    provenance: text,
    notes: LocalText.optional(),
    tells: z.array(finished ? Tell : DraftTell),
  };
};
export const Variant = z.object(variantFields(true));
export type Variant = z.infer<typeof Variant>;

export const ReferencePhoto = z.object({
  file: PackPath(/\.(jpe?g|png|webp)$/i, 'JPEG, PNG or WebP'),
  caption: LocalText,
});

const CocoClass = z.string().refine((c) => (COCO_CLASSES as readonly string[]).includes(c), {
  message: 'is not a COCO-SSD class',
});

const Gtin = z.string().superRefine((gtin, ctx) => {
  const problem = gtinProblem(gtin);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const isHttps = (url: string) => {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
};

export const VerificationContact = z
  .object({
    organisation: Text,
    email: z.email('must be an e-mail address, e.g. "verify@brand.example"').optional(),
    phone: z.string().trim().regex(/^\+?[0-9 ()./-]{5,30}$/, 'must be a phone number, e.g. "+33 1 23 45 67 89"').optional(),
    url: z.string().trim().refine(isHttps, 'must be an https:// address, e.g. "https://brand.example/verify"').optional(),
    note: Text.optional(),
  })
  .strict();
export type VerificationContact = z.infer<typeof VerificationContact>;

const productFields = {
  id: Id,
  name: LocalText,
  brand: Text,
  category: ProductCategory,
  /** Harmonized System code: 4, 6, 8 or 10 digits, dots allowed between pairs. */
  hsCode: z.string().regex(/^\d{4}(\.?\d{2}){0,3}$/, 'must be an HS code like "4202.21"'),
  /** The number under the item's barcode (GTIN-8/12/13/14): the inspection assistant finds the product by it. */
  gtin: Gtin.optional(),
  /** Whom an examiner asks to confirm an item: the rights holder's brand-protection contact. */
  verification: VerificationContact.optional(),
  description: LocalText,
  /** The COCO-SSD classes the item can show up as on camera. */
  cocoClasses: z.array(CocoClass).min(1),
  photos: z.array(ReferencePhoto),
};
/** A product's own fields, without its variants: what an author fills in first. */
export const ProductInfo = z.object(productFields);

type ProductShape = { variants: Array<{ id: string; kind: VariantKind; tells: Array<{ id: string }> }> };

/** The rules every product keeps, finished or not: ids unique, at most one genuine variant, no tells on it. */
function checkVariants(product: ProductShape, ctx: z.RefinementCtx, finished: boolean): void {
  const genuine = product.variants.filter((v) => v.kind === 'genuine');
  if (finished ? genuine.length !== 1 : genuine.length > 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['variants'],
      message: `must have exactly one genuine variant, found ${genuine.length}`,
    });
  }
  const seen = new Set<string>();
  product.variants.forEach((variant, vi) => {
    if (seen.has(variant.id)) {
      ctx.addIssue({ code: 'custom', path: ['variants', vi, 'id'], message: `duplicate variant id "${variant.id}"` });
    }
    seen.add(variant.id);
    if (variant.kind === 'genuine' && variant.tells.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['variants', vi, 'tells'], message: 'a genuine variant has no tells' });
    }
    if (finished && variant.kind === 'counterfeit' && variant.tells.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['variants', vi, 'tells'], message: 'a counterfeit needs at least one tell' });
    }
    const tellIds = new Set<string>();
    variant.tells.forEach((tell, ti) => {
      if (tellIds.has(tell.id)) {
        ctx.addIssue({ code: 'custom', path: ['variants', vi, 'tells', ti, 'id'], message: `duplicate tell id "${tell.id}"` });
      }
      tellIds.add(tell.id);
    });
  });
}

/** A finished product, as trainees see it and content packs hold it. */
export const Product = z
  .object({ ...productFields, variants: z.array(Variant).min(2) })
  .superRefine((product, ctx) => checkVariants(product, ctx, true));
export type Product = z.infer<typeof Product>;

/**
 * A product while an author works on it in the studio: the same fields and rules, except that it may
 * have fewer than two variants, no genuine one yet, counterfeits without tells, and variant and tell
 * texts or weights not filled in yet (empty, 0). Submitting it for review checks it against Product.
 */
export const ProductDraft = z
  .object({ ...productFields, variants: z.array(z.object(variantFields(false))) })
  .superRefine((product, ctx) => checkVariants(product, ctx, false));
export type ProductDraft = z.infer<typeof ProductDraft>;

export const PACK_FORMAT = 'twinspect-content-pack';
/** pack.json at the root of a catalogue folder. */
export const PackManifest = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(1),
  title: Text,
  /** Product ids; each lives in products/<id>/product.json. */
  products: z.array(Id).min(1),
});
export type PackManifest = z.infer<typeof PackManifest>;

export interface Catalogue {
  title: string;
  products: Product[];
}

export function genuineOf(product: Product): Variant {
  const found = product.variants.find((v) => v.kind === 'genuine');
  if (!found) throw new Error(`product ${product.id} has no genuine variant`);
  return found;
}

export function counterfeitsOf(product: Product): Variant[] {
  return product.variants.filter((v) => v.kind === 'counterfeit');
}

/** The categories of tell a product teaches, in the schema's order. */
export function tellCategoriesOf(product: Product): TellCategory[] {
  const used = new Set(product.variants.flatMap((v) => v.tells.map((t) => t.category)));
  return TELL_CATEGORIES.filter((c) => used.has(c));
}
