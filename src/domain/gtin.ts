/**
 * GTIN (the number under a barcode: EAN-8, UPC-A, EAN-13, GTIN-14) and its check digit, as GS1 defines
 * it: from the right, digits are weighted 3, 1, 3, …; the check digit brings the sum to a multiple of 10.
 * Pure TypeScript: no React, three, DOM or Node imports.
 */
export const GTIN_LENGTHS = [8, 12, 13, 14] as const;

/** The check digit the other digits call for (`body` is the GTIN without its last digit). */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** What is wrong with `gtin`, in words that finish "must be…"/"…", or undefined when it is a valid GTIN. */
export function gtinProblem(gtin: string): string | undefined {
  if (!/^\d+$/.test(gtin)) return 'must be digits only (0-9), without spaces or dashes';
  if (!(GTIN_LENGTHS as readonly number[]).includes(gtin.length)) {
    return `must have 8, 12, 13 or 14 digits (GTIN-8, -12, -13 or -14), not ${gtin.length}`;
  }
  const expected = gtinCheckDigit(gtin.slice(0, -1));
  if (Number(gtin.at(-1)) !== expected) return `must be a GTIN with a valid check digit (the last digit should be ${expected})`;
  return undefined;
}

export const isGtin = (gtin: string) => gtinProblem(gtin) === undefined;

/** The same item's GTIN as 14 digits (a GTIN-13 and its GTIN-14 with a leading 0 name the same item). */
export const gtin14 = (gtin: string) => gtin.padStart(14, '0');
