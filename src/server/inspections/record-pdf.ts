/**
 * The case file as a PDF (pdf-lib, A4, the standard Helvetica fonts): the officer's decision statement
 * at the top and the bottom, the product, GTIN, content version, officer, times and reference, the
 * counts of the marks (no verdict), a table of the checks with marks and notes, the officer's notes,
 * the photos (JPEG, turned as their orientation tag says, and PNG embedded; WebP listed by name), and
 * the rights holder's verification contact.
 * The standard fonts draw WinAnsi only: other characters are replaced (accents kept), never a crash.
 */
import { PDFDocument, PageSizes, StandardFonts, degrees, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { MARK_LABELS, type CaseFile } from './record-export';
import { jpegOrientation } from './strip-location';

export interface PdfPhoto {
  id: string;
  caption: string;
  check: string | null;
  mediaType: string;
  bytes: Uint8Array;
}

const [PAGE_W, PAGE_H] = PageSizes.A4;
const MARGIN = 48;
const WIDTH = PAGE_W - 2 * MARGIN;
const GREY = rgb(0.35, 0.35, 0.35);
const REPLACEMENTS: Record<string, string> = { '→': '->', '←': '<-', '≤': '<=', '≥': '>=', '✓': 'v', '✗': 'x', 'Ł': 'L', 'ł': 'l', 'Đ': 'D', 'đ': 'd', 'ı': 'i', '\t': ' ', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ' };

/** The text with every character the font cannot draw replaced: by its plain letter (ő → o), a look-alike, or "?". */
export function sanitise(text: string, drawable: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (drawable.has(ch.codePointAt(0)!) || ch === '\n') out += ch;
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every((c) => drawable.has(c.codePointAt(0)!)) ? base : '?';
    }
  }
  return out;
}

/** The text in lines no wider than `width`; a word longer than a line is cut. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (let word of paragraph.split(/\s+/).filter(Boolean)) {
      while (font.widthOfTextAtSize(word, size) > width) {
        let cut = word.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(word.slice(0, cut), size) > width) cut--;
        if (line) lines.push(line);
        lines.push(word.slice(0, cut));
        line = '';
        word = word.slice(cut);
      }
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

export async function recordPdf(file: CaseFile, photos: PdfPhoto[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const drawable = new Set(regular.getCharacterSet());
  const clean = (s: string) => sanitise(s, drawable);
  pdf.setTitle(clean(`Inspection record: ${file.product.name}`));
  pdf.setCreator('Twinspect');
  let page: PDFPage = pdf.addPage(PageSizes.A4);
  let y = PAGE_H - MARGIN;

  const room = (height: number) => {
    if (y - height >= MARGIN) return;
    page = pdf.addPage(PageSizes.A4);
    y = PAGE_H - MARGIN;
  };
  const text = (s: string, o: { size?: number; font?: PDFFont; x?: number; width?: number; grey?: boolean; gap?: number } = {}) => {
    const size = o.size ?? 10;
    const font = o.font ?? regular;
    for (const line of wrap(clean(s), font, size, o.width ?? WIDTH)) {
      room(size * 1.3);
      page.drawText(line, { x: MARGIN + (o.x ?? 0), y: y - size, size, font, ...(o.grey ? { color: GREY } : {}) });
      y -= size * 1.3;
    }
    y -= o.gap ?? 0;
  };
  /** A heading kept with at least `need` points of what follows it. */
  const heading = (s: string, need = 60) => {
    room(need);
    y -= 8;
    text(s, { size: 13, font: bold, gap: 2 });
  };
  const field = (label: string, value: string) => text(`${label}: ${value || '-'}`);
  const statement = () => text(file.statement, { size: 9, font: bold, gap: 6 });

  const { record, product, tally } = file;
  text('Inspection record', { size: 20, font: bold, gap: 4 });
  statement();
  field('Product', `${product.name}${product.brand ? ` (${product.brand})` : ''}`);
  field('GTIN', product.gtin ?? 'none in the catalogue');
  field('Content version', product.contentVersion + (product.currentContentVersion && product.currentContentVersion !== product.contentVersion ? ` (the catalogue has ${product.currentContentVersion} now)` : ''));
  field('Officer', `${record.officer.displayName} <${record.officer.email}>`);
  field('Reference', record.reference);
  field('Started', record.startedAt);
  field('Last edited on the device', record.updatedAt);
  field('Stored on the server', record.storedAt);
  field('Exported', file.exportedAt);
  field('Record id', record.id);

  heading('Counts of the marks');
  text(`${MARK_LABELS.consistent}: ${tally.consistent}    ${MARK_LABELS.inconsistent}: ${tally.inconsistent}    ${MARK_LABELS.not_checked}: ${tally.notChecked}`);
  text('These are counts of the officer\'s marks, not a verdict.', { size: 9, grey: true });

  heading('Checks');
  const cols = [{ x: 0, w: 22 }, { x: 24, w: 230 }, { x: 258, w: 100 }, { x: 362, w: WIDTH - 362 }];
  const row = (cells: string[], font: PDFFont, size = 9) => {
    const wrapped = cells.map((c, i) => wrap(clean(c), font, size, cols[i]!.w));
    const height = Math.max(...wrapped.map((l) => l.length)) * size * 1.3 + 4;
    room(height);
    wrapped.forEach((lines, i) => lines.forEach((line, j) => page.drawText(line, { x: MARGIN + cols[i]!.x, y: y - size - j * size * 1.3, size, font })));
    y -= height;
    page.drawLine({ start: { x: MARGIN, y: y + 2 }, end: { x: MARGIN + WIDTH, y: y + 2 }, thickness: 0.3, color: GREY });
  };
  row(['#', 'Check (where, with which tool)', 'Mark', 'Note'], bold);
  file.checks.forEach((c, i) => {
    const how = [c.tool, c.severity].filter(Boolean).join(', ');
    row([String(i + 1), `${c.title}${how ? ` (${how})` : ''}\n${c.key}`, MARK_LABELS[c.mark], c.note], regular);
  });

  heading("Officer's notes");
  text(record.notes || 'None.');

  heading('Photos', photos.some((p) => p.mediaType !== 'image/webp') ? 220 : 60);
  if (photos.length === 0) text('None.');
  for (const [i, photo] of photos.entries()) {
    const label = `Photo ${i + 1}${photo.caption ? `: ${photo.caption}` : ''}${photo.check ? ` (check ${photo.check})` : ''}`;
    let image: PDFImage | undefined;
    try {
      if (photo.mediaType === 'image/jpeg') image = await pdf.embedJpg(photo.bytes);
      else if (photo.mediaType === 'image/png') image = await pdf.embedPng(photo.bytes);
    } catch {
      image = undefined;
    }
    if (!image) {
      text(`${label} - ${photo.mediaType} file ${photo.id}, not shown here (see the record's photos).`);
      continue;
    }
    // Turned as the camera's orientation tag says (3: half a turn, 6: a quarter clockwise, 8: anticlockwise).
    const orientation = photo.mediaType === 'image/jpeg' ? jpegOrientation(photo.bytes) : 1;
    const sideways = orientation === 6 || orientation === 8;
    const [shownW, shownH] = sideways ? [image.height, image.width] : [image.width, image.height];
    // Up to 300 pt high; smaller (not under 180 pt) to fit the room left on the page.
    if (y - MARGIN - 30 < Math.min(180, shownH)) room(Infinity);
    const scale = Math.min(WIDTH / shownW, Math.min(300, y - MARGIN - 30) / shownH, 1);
    text(label, { gap: 2 });
    const [w, h, bottom] = [image.width * scale, image.height * scale, y - shownH * scale];
    const placed =
      orientation === 6 ? { x: MARGIN, y: bottom + w, rotate: degrees(-90) }
      : orientation === 8 ? { x: MARGIN + h, y: bottom, rotate: degrees(90) }
      : orientation === 3 ? { x: MARGIN + w, y: bottom + h, rotate: degrees(180) }
      : { x: MARGIN, y: bottom };
    page.drawImage(image, { ...placed, width: w, height: h });
    y = bottom - 10;
  }

  heading("Rights holder's verification contact");
  const contact = product.verification;
  if (!contact) text('None in the catalogue.');
  else {
    field('Organisation', contact.organisation);
    if (contact.email) field('E-mail', contact.email);
    if (contact.phone) field('Phone', contact.phone);
    if (contact.url) field('Web', contact.url);
    if (contact.note) text(contact.note, { grey: true });
  }
  y -= 10;
  statement();
  return pdf.save();
}
