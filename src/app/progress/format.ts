/** How the progress pages write numbers, dates and codes for people. Pure, so it is unit-tested. */
import type { PractiseItem } from '../../domain/progress';
import type { Role } from '../../domain/roles';
import { i18n } from '../../i18n/i18n';
import { intlLocale } from '../../i18n/text';

/** What a missing figure (no drills of that kind yet) reads as. */
export const NONE = '—';

/** The Intl locale of the interface's language (en-GB, es-ES, fr-FR). */
const locale = () => intlLocale();

const isFiniteNumber = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** A share (0..1) as a percentage: 0.8 → "80%". null or NaN → "—". */
export function formatPercent(share: number | null | undefined, digits = 0): string {
  if (!isFiniteNumber(share)) return NONE;
  const pct = (share * 100).toFixed(digits);
  // "-0" is what toFixed writes for tiny negatives; nobody means it.
  const value = Number(pct) === 0 ? 0 : Number(pct);
  return i18n.t('progress:percent', { value: value.toLocaleString(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }) });
}

/** A share (0..1) on the 0–100 scale the charts draw; null stays null (a gap in the line). */
export function toPercentPoints(share: number | null | undefined): number | null {
  return isFiniteNumber(share) ? Math.round(share * 1000) / 10 : null;
}

/** A Brier score (0 perfect .. 1 always surely wrong) to three decimals: 0.1834 → "0.183". */
export function formatBrier(score: number | null | undefined): string {
  return isFiniteNumber(score) ? score.toLocaleString(locale(), { minimumFractionDigits: 3, maximumFractionDigits: 3 }) : NONE;
}

/** What a mean Brier score means, in words. 0.25 is what always saying "50 % sure" earns. */
export function brierVerdict(score: number | null | undefined): string {
  if (!isFiniteNumber(score)) return i18n.t('progress:brier.none');
  if (score <= 0.1) return i18n.t('progress:brier.well');
  if (score <= 0.2) return i18n.t('progress:brier.fairly');
  if (score < 0.25) return i18n.t('progress:brier.barely');
  return i18n.t('progress:brier.coin');
}

/** A count with thousands separators: 12345 → "12,345". */
export function formatCount(n: number): string {
  return n.toLocaleString(locale());
}

/** "1 drill", "3 drills". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** An ISO time as a date: "3 Mar 2025". In the reader's time zone unless one is given. Unreadable → "—". */
export function formatDate(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return NONE;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return NONE;
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(t);
}

/** A UTC day (YYYY-MM-DD, as the timeline gives) as a short axis label: "2025-03-03" → "3 Mar". */
export function formatDay(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(t)) return day;
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(t);
}

const DAY_MS = 86_400_000;

/** Whole calendar days from `now` to `iso` in the given time zone (or the reader's): negative in the past. */
function calendarDaysBetween(iso: string, now: Date, timeZone?: string): number {
  const dayOf = (t: number) => {
    const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(t);
    return Date.parse(`${parts}T00:00:00Z`);
  };
  return Math.round((dayOf(Date.parse(iso)) - dayOf(now.getTime())) / DAY_MS);
}

/** When something falls due, relative to now: "today", "tomorrow", "in 3 days", "2 days ago". */
export function formatRelativeDay(iso: string, now: Date = new Date(), timeZone?: string): string {
  if (Number.isNaN(Date.parse(iso))) return NONE;
  const days = calendarDaysBetween(iso, now, timeZone);
  return new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' }).format(days, 'day');
}

/** Why a product and tell category is on the "Practise next" list. */
export const practiseReasonLabel = (reason: PractiseItem['reason']) => i18n.t(`progress:reason.${reason}`);

export const roleLabel = (role: Role) => i18n.t(`progress:role.${role}`);

/** A calibration band's confidence range: (0.5, 0.6) → "50–60%". */
export function formatBand(from: number, to: number): string {
  return i18n.t('progress:band', { from: Math.round(from * 100), to: Math.round(to * 100) });
}
