/**
 * The checklist as the inspection page shows it: the product's checks (most telling first, from the
 * shared domain) joined with the officer's marks, notes and photos, and the tally with its bar's
 * shares. Pure: no React, no DOM.
 */
import { checklist, tally, type Check, type CheckMark, type Tally, type TellMark } from '../../domain/inspection';
import type { Product } from '../../domain/catalogue';

export interface PhotoRef {
  id: string;
  check: string | null;
  caption: string;
}

export interface CheckRow {
  check: Check;
  /** 1-based, as on the model's marker. */
  n: number;
  mark: TellMark;
  /** True once the officer chose a mark (an explicit "not checked" counts). */
  marked: boolean;
  note: string;
  photos: PhotoRef[];
}

export interface ChecklistView {
  rows: CheckRow[];
  tally: Tally;
  /** The bar's segments in per cent of all checks, summing to 100 when there are checks. */
  shares: { consistent: number; inconsistent: number; notChecked: number };
  /** Photos of the item as a whole, or of checks no longer on the checklist. */
  otherPhotos: PhotoRef[];
  /** Marks for checks that are not on this product's checklist (a record from another content version). */
  stray: CheckMark[];
}

export function checklistView(product: Pick<Product, 'variants'>, marks: readonly CheckMark[], photos: readonly PhotoRef[] = []): ChecklistView {
  const checks = checklist(product);
  const byKey = new Map(marks.map((m) => [m.check, m]));
  const keys = new Set(checks.map((c) => c.key));
  const rows = checks.map((check, i) => {
    const m = byKey.get(check.key);
    return {
      check,
      n: i + 1,
      mark: m?.mark ?? 'not_checked',
      marked: !!m,
      note: m?.note ?? '',
      photos: photos.filter((p) => p.check === check.key),
    };
  });
  const t = tally(checks, marks);
  const total = checks.length;
  const pct = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 10);
  return {
    rows,
    tally: t,
    shares: { consistent: pct(t.consistent), inconsistent: pct(t.inconsistent), notChecked: total === 0 ? 0 : Math.round((100 - pct(t.consistent) - pct(t.inconsistent)) * 10) / 10 },
    otherPhotos: photos.filter((p) => p.check === null || !keys.has(p.check)),
    stray: marks.filter((m) => !keys.has(m.check)),
  };
}

/** The marks with one check's mark or note changed; an empty note is dropped, and order follows first marking. */
export function withMark(marks: readonly CheckMark[], check: string, change: { mark?: TellMark; note?: string }): CheckMark[] {
  const found = marks.find((m) => m.check === check);
  const next: CheckMark = { check, mark: change.mark ?? found?.mark ?? 'not_checked' };
  const note = change.note ?? found?.note;
  if (note && note.trim()) next.note = note;
  return found ? marks.map((m) => (m.check === check ? next : m)) : [...marks, next];
}
