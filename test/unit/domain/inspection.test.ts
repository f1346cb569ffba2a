import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Product } from '../../../src/domain/catalogue';
import { checklist, InspectionInput, tally } from '../../../src/domain/inspection';

const perfume = Product.parse(JSON.parse(readFileSync('content/products/aurele-no7-perfume/product.json', 'utf8')));

describe('the inspection checklist', () => {
  const checks = checklist(perfume);

  it("groups the counterfeits' tells by category and the genuine model's part they point at", () => {
    const tells = perfume.variants.flatMap((v) => v.tells);
    expect(checks.flatMap((c) => c.knownFakes)).toHaveLength(tells.length);
    const batch = checks.find((c) => c.key === 'label-serial-codes@base-code')!;
    expect(batch.knownFakes.map((k) => k.tellId).sort()).toEqual(['batch-code-sticker', 'date-style-batch-code']);
    // The strongest tell speaks for the check: critical beats major.
    expect(batch.severity).toBe('critical');
    expect(batch.at.node).toBe('base-code');
  });

  it('puts the most telling checks first, the same way on every device', () => {
    const weight = { critical: 3, major: 2, minor: 1 } as const;
    const order = checks.map((c) => [weight[c.severity], c.knownFakes.length]);
    for (let i = 1; i < order.length; i++) {
      const [ps, pn] = order[i - 1]!;
      const [s, n] = order[i]!;
      expect(ps! > s! || (ps === s && pn! >= n!)).toBe(true);
    }
    expect(checklist(structuredClone(perfume)).map((c) => c.key)).toEqual(checks.map((c) => c.key));
  });

  it('counts the marks and lists the open checks, without a verdict', () => {
    const [a, b, c] = checks;
    const t = tally(checks, [
      { check: a!.key, mark: 'consistent' },
      { check: b!.key, mark: 'inconsistent', note: 'glows under UV' },
      { check: c!.key, mark: 'not_checked' },
      { check: 'no-such@check', mark: 'inconsistent' },
    ]);
    expect(t).toEqual({ consistent: 1, inconsistent: 1, notChecked: checks.length - 2, open: checks.slice(2).map((x) => x.key) });
    expect(Object.keys(t)).not.toContain('verdict');
  });
});

describe('an inspection record from a device', () => {
  const record = {
    id: '7d4f6a52-3c1e-4b8a-9f0e-2a6b1c9d8e70',
    productId: 'aurele-no7-perfume',
    contentVersion: 'v1',
    startedAt: '2026-11-22T08:00:00Z',
    updatedAt: '2026-11-22T08:10:00+01:00',
    marks: [{ check: 'label-serial-codes@base-code', mark: 'inconsistent' }],
  };

  it('takes a well-formed record, with empty notes and reference by default', () => {
    expect(InspectionInput.parse(record)).toMatchObject({ notes: '', reference: '' });
  });

  it('names the field that is wrong', () => {
    const bad = InspectionInput.safeParse({ ...record, marks: [{ check: 'x@y', mark: 'probably-fake' }], verdict: 'fake' });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('marks.0.mark');
    expect(bad.error!.issues.some((i) => i.code === 'unrecognized_keys' && i.keys.includes('verdict'))).toBe(true);
  });
});
