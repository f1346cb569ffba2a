/** GTINs (the number under a barcode) and the rights holder's verification contact in the catalogue. */
import { describe, expect, it } from 'vitest';
import { Product, ProductDraft } from '../../../src/domain/catalogue';
import { diffProducts } from '../../../src/domain/catalogue-diff';
import { gtin14, gtinCheckDigit, gtinProblem, isGtin } from '../../../src/domain/gtin';
import { fixtureProduct } from '../server/fixture-pack';

const CONTACT = { organisation: 'Testbrand Brand Protection (fictional)', email: 'verify@testbrand.example', url: 'https://testbrand.example/verify', note: 'Fictional contact for training; not a real company.' };
const issuesOf = (value: unknown) => {
  const parsed = Product.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('GTIN check digits', () => {
  it('accepts valid GTIN-8, -12, -13 and -14', () => {
    for (const gtin of ['96385074', '036000291452', '4006381333931', '2001700010007', '10012345678902']) expect(isGtin(gtin), gtin).toBe(true);
    expect(gtinCheckDigit('400638133393')).toBe(1);
  });

  it('names what is wrong: the characters, the length, or the check digit it expected', () => {
    expect(gtinProblem('4006381333932')).toBe('must be a GTIN with a valid check digit (the last digit should be 1)');
    expect(gtinProblem('40063813339')).toBe('must have 8, 12, 13 or 14 digits (GTIN-8, -12, -13 or -14), not 11');
    expect(gtinProblem('4006 3813 3393 1')).toBe('must be digits only (0-9), without spaces or dashes');
    expect(gtinProblem('')).toBe('must be digits only (0-9), without spaces or dashes');
  });

  it('reads a GTIN-12 or -13 and its 14-digit form as the same item', () => {
    expect(gtin14('036000291452')).toBe(gtin14('0036000291452'));
  });
});

describe('the catalogue schema: gtin and verification', () => {
  it('keeps a valid GTIN and contact, and both stay optional', () => {
    const product = { ...fixtureProduct('test-tote'), gtin: '2009900000019', verification: CONTACT };
    expect(Product.parse(product)).toMatchObject({ gtin: '2009900000019', verification: CONTACT });
    expect(Product.safeParse(fixtureProduct('test-tote')).success).toBe(true);
    expect(ProductDraft.safeParse({ ...product, variants: [] }).success).toBe(true);
  });

  it("names the GTIN's expected check digit", () => {
    expect(issuesOf({ ...fixtureProduct('test-tote'), gtin: '2009900000011' })).toEqual(['gtin: must be a GTIN with a valid check digit (the last digit should be 9)']);
  });

  it("names each bad field of the contact", () => {
    const issues = issuesOf({ ...fixtureProduct('test-tote'), verification: { organisation: ' ', email: 'nobody', url: 'http://brand.example', phone: 'call us', extra: 1 } });
    expect(issues).toEqual(expect.arrayContaining([
      'verification.organisation: must not be empty',
      'verification.email: must be an e-mail address, e.g. "verify@brand.example"',
      'verification.url: must be an https:// address, e.g. "https://brand.example/verify"',
      'verification.phone: must be a phone number, e.g. "+33 1 23 45 67 89"',
    ]));
    expect(issues.some((i) => i.startsWith('verification') && i.includes('extra'))).toBe(true);
  });

  it('shows reviewers a changed GTIN and contact in words', () => {
    const before = fixtureProduct('test-tote');
    const after = { ...before, gtin: '2009900000019', verification: CONTACT };
    expect(diffProducts(before, after)).toEqual([
      'GTIN changed: none → 2009900000019',
      'Verification contact changed: none → Testbrand Brand Protection (fictional), verify@testbrand.example, https://testbrand.example/verify, "Fictional contact for training; not a real company."',
    ]);
    expect(diffProducts(after, { ...after, verification: { ...CONTACT, email: 'brand@testbrand.example' } })[0]).toContain('verify@testbrand.example');
  });
});
