/**
 * What changed between two versions of a product, as a reviewer reads it: one line per change, e.g.
 * "Counterfeit B › tell "Misspelt brand": counterfeit text changed", "Variant added: Counterfeit C".
 * Variants, tells and photos are matched by id (photos by file), so reordering them is no change.
 */
import type { ProductDraft, SurfacePoint, Tell, Variant } from './catalogue';
import { textIn, type LocalText } from './local-text';

type Field<T> = [key: keyof T, say: (a: T, b: T) => string];

/** Reviewers read the English text; a change to any language's text still counts as a change. */
const en = (s: LocalText | undefined) => textIn(s, 'en');
const quoted = (s: LocalText) => `"${en(s)}"`;
const from = (a: unknown, b: unknown) => `${String(a)} → ${String(b)}`;
/** A tell as a reviewer knows it: by its title (ids are the file's business). */
const tellName = (t: Tell) => `tell ${quoted(t.title)}`;
const samePoint = (a: SurfacePoint, b: SurfacePoint) =>
  a.node === b.node && a.position.every((x, i) => x === b.position[i]) && a.normal.every((x, i) => x === b.normal[i]);

/** The rights holder's contact on one line: "Aurèle Brand Protection (fictional), verify@…, +33 …". */
const contactText = (c: ProductDraft['verification']) =>
  c ? [c.organisation, c.email, c.phone, c.url, c.note && `"${c.note}"`].filter(Boolean).join(', ') : 'none';

const PRODUCT_FIELDS: Field<ProductDraft>[] = [
  ['name', (a, b) => `Name changed: ${from(quoted(a.name), quoted(b.name))}`],
  ['brand', (a, b) => `Brand changed: ${from(quoted(a.brand), quoted(b.brand))}`],
  ['category', (a, b) => `Category changed: ${from(a.category, b.category)}`],
  ['hsCode', (a, b) => `HS code changed: ${from(a.hsCode, b.hsCode)}`],
  ['gtin', (a, b) => `GTIN changed: ${from(a.gtin ?? 'none', b.gtin ?? 'none')}`],
  ['verification', (a, b) => `Verification contact changed: ${from(contactText(a.verification), contactText(b.verification))}`],
  ['description', () => 'Description changed'],
  ['cocoClasses', (a, b) => `Camera classes changed: ${from(a.cocoClasses.join(', '), b.cocoClasses.join(', '))}`],
];

const VARIANT_FIELDS: Field<Variant>[] = [
  ['label', (a, b) => `renamed ${from(quoted(a.label), quoted(b.label))}`],
  ['kind', (a, b) => `kind changed: ${from(a.kind, b.kind)}`],
  ['model', () => 'model replaced'],
  ['weightGrams', (a, b) => `weight changed: ${a.weightGrams} g → ${b.weightGrams} g`],
  ['provenance', () => 'provenance changed'],
  ['notes', () => 'notes changed'],
];

const TELL_FIELDS: Field<Tell>[] = [
  ['title', (a, b) => `title changed: ${from(quoted(a.title), quoted(b.title))}`],
  ['category', (a, b) => `category changed: ${from(a.category, b.category)}`],
  ['iso', (a, b) => `ISO 22383 class changed: ${from(a.iso, b.iso)}`],
  ['tool', (a, b) => `tool changed: ${from(a.tool, b.tool)}`],
  ['genuine', () => 'genuine text changed'],
  ['counterfeit', () => 'counterfeit text changed'],
  ['severity', (a, b) => `severity changed: ${from(a.severity, b.severity)}`],
  ['tolerance', (a, b) => `tolerance changed: ${Math.round(a.tolerance * 1000)} mm → ${Math.round(b.tolerance * 1000)} mm`],
  ['wholePart', (a, b) => (b.wholePart ? 'now covers its whole part' : 'now marks one spot, not the whole part')],
  ['at', () => 'moved on this model'],
  ['genuineAt', () => 'moved on the genuine model'],
];

function changedFields<T>(a: T, b: T, fields: Field<T>[]): string[] {
  return fields.filter(([key]) => !same(a[key], b[key])).map(([, say]) => say(a, b));
}

function same(a: unknown, b: unknown): boolean {
  if (isPoint(a) && isPoint(b)) return samePoint(a, b);
  return JSON.stringify(a) === JSON.stringify(b);
}

function isPoint(x: unknown): x is SurfacePoint {
  return typeof x === 'object' && x !== null && 'position' in x && 'normal' in x && 'node' in x;
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

/** The changes from `before` (the last published version; undefined for a new product) to `after`. */
export function diffProducts(before: ProductDraft | undefined, after: ProductDraft): string[] {
  if (!before) {
    return [
      `New product: ${en(after.name)}`,
      ...after.variants.flatMap((v) => [`Variant added: ${en(v.label)}`, ...v.tells.map((t) => `${en(v.label)} › ${tellName(t)} added`)]),
      ...after.photos.map((p) => `Photo added: ${en(p.caption)}`),
    ];
  }
  const lines = changedFields(before, after, PRODUCT_FIELDS);
  const oldPhotos = new Map(before.photos.map((p) => [p.file, p]));
  const newPhotos = new Map(after.photos.map((p) => [p.file, p]));
  for (const [file, p] of newPhotos) {
    const old = oldPhotos.get(file);
    if (!old) lines.push(`Photo added: ${en(p.caption)}`);
    else if (!same(old.caption, p.caption)) lines.push(`Photo caption changed: ${from(quoted(old.caption), quoted(p.caption))}`);
  }
  for (const [file, p] of oldPhotos) if (!newPhotos.has(file)) lines.push(`Photo removed: ${en(p.caption)}`);

  const oldVariants = byId(before.variants);
  const newVariants = byId(after.variants);
  for (const variant of after.variants) {
    const old = oldVariants.get(variant.id);
    if (!old) {
      lines.push(`Variant added: ${en(variant.label)}`, ...variant.tells.map((t) => `${en(variant.label)} › ${tellName(t)} added`));
      continue;
    }
    lines.push(...changedFields(old, variant, VARIANT_FIELDS).map((c) => `${en(variant.label)} › ${c}`));
    const oldTells = byId(old.tells);
    const newTells = byId(variant.tells);
    for (const tell of variant.tells) {
      const was = oldTells.get(tell.id);
      if (!was) lines.push(`${en(variant.label)} › ${tellName(tell)} added`);
      else lines.push(...changedFields(was, tell, TELL_FIELDS).map((c) => `${en(variant.label)} › ${tellName(tell)}: ${c}`));
    }
    for (const tell of old.tells) if (!newTells.has(tell.id)) lines.push(`${en(variant.label)} › ${tellName(tell)} removed`);
  }
  for (const variant of before.variants) if (!newVariants.has(variant.id)) lines.push(`Variant removed: ${en(variant.label)}`);
  return lines;
}
