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

/** A live session's CSV starts with this column: the round each answer was given in. */
export const ROUND_COLUMN = 'round';

export interface ResultsCsvRow {
  trainee: string;
  email: string;
  attempt: AttemptRecord;
  /** The live session's round (1, 2, …); written only with `{ rounds: true }`. */
  round?: number;
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

/** The CSV; `rounds`: a live session's, whose first column is the round number. */
export function resultsCsv(rows: ResultsCsvRow[], options: { rounds?: boolean } = {}): string {
  const lines = [(options.rounds ? [ROUND_COLUMN, ...RESULTS_CSV_HEADER] : RESULTS_CSV_HEADER).join(',')];
  for (const { trainee, email, attempt: a, round } of rows) {
    const fields = [
      ...(options.rounds ? [round === undefined ? '' : String(round)] : []),
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
