/** The inspection page's checklist view model, the catalogue search and the record list. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Product } from '../../../../src/domain/catalogue';
import { checklist, OFFICER_DECISION_STATEMENT } from '../../../../src/domain/inspection';
import { checklistView, withMark } from '../../../../src/app/inspect/checklist-view';
import { editTime } from '../../../../src/app/inspect/ids';
import { mergeRecords, searchCatalogue } from '../../../../src/app/inspect/listing';
import type { InspectionSummary } from '../../../../src/app/inspect/inspect-api';
import type { ProductSummary } from '../../../../src/app/api';

const perfume = Product.parse(JSON.parse(readFileSync('content/products/aurele-no7-perfume/product.json', 'utf8')));
const checks = checklist(perfume);

describe('the checklist view', () => {
  it('numbers the checks most telling first, as the markers on the model', () => {
    const view = checklistView(perfume, []);
    expect(view.rows.map((r) => r.check.key)).toEqual(checks.map((c) => c.key));
    expect(view.rows.map((r) => r.n)).toEqual(checks.map((_, i) => i + 1));
    expect(view.rows.every((r) => r.mark === 'not_checked' && !r.marked && r.note === '')).toBe(true);
    expect(view.tally).toMatchObject({ consistent: 0, inconsistent: 0, notChecked: checks.length });
    expect(view.shares).toEqual({ consistent: 0, inconsistent: 0, notChecked: 100 });
  });

  it('joins the marks, notes and photos to their checks, and counts them', () => {
    const [a, b, c] = checks;
    const marks = [
      { check: a!.key, mark: 'consistent' as const },
      { check: b!.key, mark: 'inconsistent' as const, note: 'glows under UV' },
      { check: c!.key, mark: 'not_checked' as const },
      { check: 'gone@node', mark: 'inconsistent' as const },
    ];
    const photos = [
      { id: 'p1', check: b!.key, caption: 'under the lamp' },
      { id: 'p2', check: null, caption: 'the box' },
      { id: 'p3', check: 'gone@node', caption: 'old check' },
    ];
    const view = checklistView(perfume, marks, photos);
    expect(view.rows[1]).toMatchObject({ mark: 'inconsistent', marked: true, note: 'glows under UV' });
    expect(view.rows[1]!.photos.map((p) => p.id)).toEqual(['p1']);
    expect(view.rows[2]).toMatchObject({ mark: 'not_checked', marked: true });
    expect(view.tally).toMatchObject({ consistent: 1, inconsistent: 1, notChecked: checks.length - 2 });
    expect(view.tally.open).toEqual(checks.slice(2).map((x) => x.key));
    expect(view.otherPhotos.map((p) => p.id)).toEqual(['p2', 'p3']);
    expect(view.stray.map((m) => m.check)).toEqual(['gone@node']);
    const s = view.shares;
    expect(s.consistent + s.inconsistent + s.notChecked).toBeCloseTo(100, 5);
    expect(s.consistent).toBeCloseTo(100 / checks.length, 0);
  });

  it('changes one check at a time, keeps notes across mark changes and drops an emptied note', () => {
    let marks = withMark([], 'x@a', { mark: 'inconsistent' });
    marks = withMark(marks, 'y@b', { note: 'seen' });
    marks = withMark(marks, 'x@a', { note: 'crooked' });
    marks = withMark(marks, 'x@a', { mark: 'consistent' });
    expect(marks).toEqual([
      { check: 'x@a', mark: 'consistent', note: 'crooked' },
      { check: 'y@b', mark: 'not_checked', note: 'seen' },
    ]);
    expect(withMark(marks, 'x@a', { note: '  ' })).toEqual([{ check: 'x@a', mark: 'consistent' }, marks[1]]);
    // Never a check twice: the server refuses that.
    expect(new Set(withMark(marks, 'y@b', { mark: 'inconsistent' }).map((m) => m.check)).size).toBe(2);
  });
});

describe('the record', () => {
  it("edit times never go backwards on one device, even when the clock does", () => {
    const first = editTime(undefined, Date.UTC(2026, 10, 22, 9));
    expect(first).toBe('2026-11-22T09:00:00.000Z');
    expect(editTime(first, Date.UTC(2026, 10, 22, 8))).toBe('2026-11-22T09:00:00.001Z');
    expect(editTime(first, Date.UTC(2026, 10, 22, 10))).toBe('2026-11-22T10:00:00.000Z');
  });

  it('the English statement is the domain\'s, word for word, and every language has one', () => {
    for (const lang of ['en', 'es', 'fr']) {
      const ns = JSON.parse(readFileSync(`src/i18n/locales/${lang}/inspect.json`, 'utf8')) as Record<string, string>;
      if (lang === 'en') expect(ns.statement).toBe(OFFICER_DECISION_STATEMENT);
      expect(ns.statement!.length).toBeGreaterThan(80);
    }
  });
});

describe('the inspection home', () => {
  const entry = (id: string, name: string, brand: string) => ({ id, name, brand }) as unknown as ProductSummary;
  const catalogue = [entry('aurele', 'Aurèle Nº7 Eau de Parfum', 'Aurèle'), entry('bear', 'Bramble Bear', 'Bramble & Co'), entry('pods', 'Sonique Pods Pro', 'Sonique')];
  const name = (p: ProductSummary) => String(p.name);

  it('finds products by every typed word, accents and case aside', () => {
    expect(searchCatalogue(catalogue, 'aurele parfum', name).map((p) => p.id)).toEqual(['aurele']);
    expect(searchCatalogue(catalogue, 'BRAMBLE', name).map((p) => p.id)).toEqual(['bear']);
    expect(searchCatalogue(catalogue, 'sonique', name).map((p) => p.id)).toEqual(['pods']);
    expect(searchCatalogue(catalogue, '   ', name)).toEqual([]);
    expect(searchCatalogue(catalogue, 'watch', name)).toEqual([]);
  });

  it("lists the server's records and those only on this device, newest first, each once", () => {
    const summary = (id: string, updatedAt: string) => ({ id, productId: 'bear', productName: 'Bramble Bear', reference: '', startedAt: updatedAt, updatedAt, consistent: 0, inconsistent: 0, notChecked: 0, photoCount: 0 }) as InspectionSummary;
    const merged = mergeRecords([summary('a', '2026-11-20T10:00:00.000Z'), summary('b', '2026-11-22T10:00:00.000Z')], [
      { ...summary('b', '2026-11-22T11:00:00.000Z'), onDeviceOnly: true },
      { ...summary('c', '2026-11-21T10:00:00.000Z'), onDeviceOnly: true },
    ]);
    expect(merged.map((r) => [r.id, r.onDeviceOnly])).toEqual([['b', false], ['c', true], ['a', false]]);
  });
});
