/**
 * Results as CSV, for instructors who keep training records in a spreadsheet. RFC 4180: a header
 * line, CRLF line ends, fields quoted when they hold a comma, a quote or a line break.
 */
import type { AttemptRecord } from './attempt';

export const RESULTS_CSV_HEADER = [
  'trainee',
  'email',
  'answered_at',
  'drill',
  'product',
  'catalogue_version',
  'correct',
  'score',
  'confidence',
  'brier',
  'tells_found',
  'tells_total',
  'false_alarms',
  'hints',
  'duration_s',
] as const;

export interface ResultsCsvRow {
  trainee: string;
  email: string;
  attempt: AttemptRecord;
}

/**
 * A text field made safe for a spreadsheet: one that starts like a formula (=, +, -, @, tab, CR)
 * gets a leading apostrophe, so a display name such as "=HYPERLINK(...)" is shown, never run.
 */
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A number rounded to at most `decimals` places, without float noise; empty for null. */
function num(value: number | null, decimals = 3): string {
  if (value === null || !Number.isFinite(value)) return '';
  const f = 10 ** decimals;
  return String(Math.round(value * f) / f);
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

export function resultsCsv(rows: ResultsCsvRow[]): string {
  const lines = [RESULTS_CSV_HEADER.join(',')];
  for (const { trainee, email, attempt: a } of rows) {
    const fields = [
      text(trainee),
      text(email),
      text(a.answeredAt),
      text(a.kind),
      text(a.productName),
      text(a.catalogueVersion),
      a.correct ? 'true' : 'false',
      num(a.scaled),
      num(a.confidence, 2),
      num(a.brier, 4),
      String(a.tellsFound),
      String(a.tellsTotal),
      String(a.falseAlarms),
      String(a.hintsUsed),
      num(a.durationMs / 1000, 1),
    ];
    lines.push(fields.map(quote).join(','));
  }
  return lines.map((l) => `${l}\r\n`).join('');
}
