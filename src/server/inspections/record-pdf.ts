/**
 * The case file as a PDF (pdf-lib, A4, the standard Helvetica fonts), in the language of the export
 * (?lang: every heading, field, mark, tool and severity, not only the catalogue's texts): the officer's
 * decision statement at the top and the bottom, the product, GTIN, content version, officer, times
 * (as people read them, in the export's time zone, named) and reference, the counts of the marks one
 * a line (no verdict), a table of the checks (what, where, with which tool, how severe: no internal
 * keys) with marks and notes, the officer's notes, the photos (JPEG, turned as their orientation tag
 * says, and PNG embedded; WebP listed), and the rights holder's verification contact.
 * The standard fonts draw WinAnsi only: other characters are replaced (accents kept), never a crash.
 */
import { PDFDocument, PageSizes, StandardFonts, degrees, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { caseFileWords } from './case-file-words';
import { MARK_KEYS, type CaseFile } from './record-export';
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
const REPLACEMENTS: Record<string, string> = { '→': '->', '←': '<-', '≤': '<=', '≥': '>=', '✓': 'v', '✗': 'x', 'Ł': 'L', 'ł': 'l', 'Đ': 'D', 'đ': 'd', 'ı': 'i', '\t': ' ', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u2212': '-' };

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

/** A photo's kind as people name it: "JPEG", "PNG", "WebP". */
const IMAGE_TYPES: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };

export async function recordPdf(file: CaseFile, photos: PdfPhoto[]): Promise<Uint8Array> {
  const words = caseFileWords(file.lang, file.timeZone);
  const { t } = words;
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const drawable = new Set(regular.getCharacterSet());
  const clean = (s: string) => sanitise(s, drawable);
  pdf.setTitle(clean(t('casefile:documentTitle', { product: file.product.name })));
  pdf.setLanguage(file.lang);
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
  const field = (key: string, value: string) => text(t('casefile:fieldLine', { label: t(`casefile:field.${key}`), value: value || '-' }));
  const statement = () => text(file.statement, { size: 9, font: bold, gap: 6 });

  const { record, product, tally } = file;
  text(t('casefile:title'), { size: 20, font: bold, gap: 4 });
  statement();
  field('product', `${product.name}${product.brand ? ` (${product.brand})` : ''}`);
  field('gtin', product.gtin ?? t('casefile:noGtin'));
  field('contentVersion', product.contentVersion + (product.currentContentVersion && product.currentContentVersion !== product.contentVersion ? ` (${t('casefile:catalogueNow', { version: product.currentContentVersion })})` : ''));
  field('officer', `${record.officer.displayName} <${record.officer.email}>`);
  field('reference', record.reference);
  field('started', words.time(record.startedAt));
  field('edited', words.time(record.updatedAt));
  field('stored', words.time(record.storedAt));
  field('exported', words.time(file.exportedAt));
  field('timeZone', file.timeZone);
  field('recordId', record.id);

  // One count a line: each reads as its own figure, never as one sum.
  heading(t('casefile:countsHeading'));
  text(t('casefile:count', { mark: t(MARK_KEYS.consistent), count: tally.consistent }));
  text(t('casefile:count', { mark: t(MARK_KEYS.inconsistent), count: tally.inconsistent }));
  text(t('casefile:count', { mark: t(MARK_KEYS.not_checked), count: tally.notChecked }));
  text(t('casefile:countsNote'), { size: 9, grey: true });

  heading(t('casefile:checksHeading'));
  const cols = [{ x: 0, w: 22 }, { x: 24, w: 230 }, { x: 258, w: 100 }, { x: 362, w: WIDTH - 362 }];
  const row = (cells: string[], font: PDFFont, size = 9) => {
    const wrapped = cells.map((c, i) => wrap(clean(c), font, size, cols[i]!.w));
    const height = Math.max(...wrapped.map((l) => l.length)) * size * 1.3 + 4;
    room(height);
    wrapped.forEach((lines, i) => lines.forEach((line, j) => page.drawText(line, { x: MARGIN + cols[i]!.x, y: y - size - j * size * 1.3, size, font })));
    y -= height;
    page.drawLine({ start: { x: MARGIN, y: y + 2 }, end: { x: MARGIN + WIDTH, y: y + 2 }, thickness: 0.3, color: GREY });
  };
  /** A check as an officer reads it: what to look at, then where (the category), with which tool, how severe; never its key. */
  const checkText = (c: CaseFile['checks'][number]) => {
    const category = c.category ? words.category(c.category) : null;
    if (!c.tool) return `${category ?? t('casefile:otherCheck')}\n(${t('casefile:gone')})`;
    const how = [category, words.tool(c.tool), c.severity ? words.severity(c.severity) : null].filter(Boolean).join(' · ');
    return `${c.title}\n${how}`;
  };
  row(['#', t('casefile:column.check'), t('casefile:column.mark'), t('casefile:column.note')], bold);
  file.checks.forEach((c, i) => row([String(i + 1), checkText(c), t(MARK_KEYS[c.mark]), c.note], regular));

  heading(t('casefile:notesHeading'));
  text(record.notes || t('casefile:none'));

  heading(t('casefile:photosHeading'), photos.some((p) => p.mediaType !== 'image/webp') ? 220 : 60);
  if (photos.length === 0) text(t('casefile:none'));
  const checkIndex = new Map(file.checks.map((c, i) => [c.key, i]));
  for (const [i, photo] of photos.entries()) {
    const named = photo.caption ? t('casefile:photoCaption', { n: i + 1, caption: photo.caption }) : t('casefile:photo', { n: i + 1 });
    const of = photo.check === null ? undefined : checkIndex.get(photo.check);
    const label = of === undefined ? named : t('casefile:photoCheck', { photo: named, n: of + 1, title: checkText(file.checks[of]!).split('\n')[0]! });
    let image: PDFImage | undefined;
    try {
      if (photo.mediaType === 'image/jpeg') image = await pdf.embedJpg(photo.bytes);
      else if (photo.mediaType === 'image/png') image = await pdf.embedPng(photo.bytes);
    } catch {
      image = undefined;
    }
    if (!image) {
      text(t('casefile:photoNotShown', { photo: label, type: IMAGE_TYPES[photo.mediaType] ?? photo.mediaType.replace(/^image\//, '').toUpperCase() }));
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

  heading(t('casefile:contactHeading'));
  const contact = product.verification;
  if (!contact) text(t('casefile:noContact'));
  else {
    field('organisation', contact.organisation);
    if (contact.email) field('email', contact.email);
    if (contact.phone) field('phone', contact.phone);
    if (contact.url) field('web', contact.url);
    if (contact.note) text(contact.note, { grey: true });
  }
  y -= 10;
  statement();
  return pdf.save();
}
