/** The case-file PDF draws only what the standard fonts can: accents stay, the rest is replaced, long text wraps. */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PDFFont } from 'pdf-lib';
import { sanitise, wrap } from '../../../../src/server/inspections/record-pdf';

let font: PDFFont;
let drawable: Set<number>;
beforeAll(async () => {
  font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
  drawable = new Set(font.getCharacterSet());
});

describe('sanitise', () => {
  it('keeps WinAnsi letters with accents and replaces what Helvetica cannot draw', () => {
    expect(sanitise('Aurèle, señor, Ça, €5 – “ok”', drawable)).toBe('Aurèle, señor, Ça, €5 – “ok”');
    expect(sanitise('Łódź 東京 → ✓', drawable)).toBe('Lódz ?? -> v');
    expect(sanitise('line one\nline two', drawable)).toBe('line one\nline two');
    expect(() => font.encodeText(sanitise('Ωmega 🙂 ő', drawable))).not.toThrow();
  });
});

describe('wrap', () => {
  it('keeps every line within the width, cutting a word longer than a line', () => {
    const lines = wrap(`${'word '.repeat(60)}\n${'x'.repeat(200)}`, font, 10, 200);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(200);
    expect(lines.join('').replace(/\s/g, '')).toBe('word'.repeat(60) + 'x'.repeat(200));
  });
});
