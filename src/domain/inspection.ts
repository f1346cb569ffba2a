/**
 * The inspection assistant's record: at a real examination an officer goes through a product's checks
 * (its tells, grouped by where to look), marks each one consistent with genuine, inconsistent or not
 * checked, adds notes and photos. The app counts the marks and lists the open checks; it never gives a
 * verdict: the decision is the officer's, and the record says so.
 * Pure TypeScript: no React, three, DOM or Node imports; the server and the client share it.
 */
import { z } from 'zod';
import type { LocalText } from './local-text';
import type { Product, RevealTool, Severity, SurfacePoint, TellCategory } from './catalogue';

export const TELL_MARKS = ['consistent', 'inconsistent', 'not_checked'] as const;
export const TellMark = z.enum(TELL_MARKS);
export type TellMark = z.infer<typeof TellMark>;

/** Printed on every record and export: the marks are findings, not the app's judgement. */
export const OFFICER_DECISION_STATEMENT =
  "The marks in this record are the examining officer's findings. Twinspect lists what to check and counts the marks; it gives no verdict, and the decision on the goods is the officer's.";

/** One check of the checklist: a place on the genuine item, what to look at there, with which tool. */
export interface Check {
  /** Stable across content versions while the place and category stay: `category@node`. */
  key: string;
  category: TellCategory;
  tool: RevealTool;
  /** The highest severity among the counterfeits' tells here. */
  severity: Severity;
  /** The strongest tell's title: what to look at. */
  title: LocalText;
  /** What the genuine item shows here. */
  genuine: LocalText;
  /** What the known counterfeits showed here, one line per tell. */
  knownFakes: Array<{ variantId: string; tellId: string; shows: LocalText }>;
  /** Where to look on the genuine model. */
  at: SurfacePoint;
}

const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 3, major: 2, minor: 1 };

export const checkKey = (category: string, node: string) => `${category}@${node}`;

/**
 * The product's checklist, most telling first: the counterfeits' tells grouped by category and the
 * genuine model's node they point at, ordered by their highest severity, then by how many known fakes
 * fail there, then by key (so the order is the same on every device).
 */
export function checklist(product: Pick<Product, 'variants'>): Check[] {
  const checks = new Map<string, Check>();
  for (const variant of product.variants) {
    if (variant.kind !== 'counterfeit') continue;
    for (const tell of variant.tells) {
      const key = checkKey(tell.category, tell.genuineAt.node);
      const known = { variantId: variant.id, tellId: tell.id, shows: tell.counterfeit };
      const check = checks.get(key);
      if (!check) {
        checks.set(key, { key, category: tell.category, tool: tell.tool, severity: tell.severity, title: tell.title, genuine: tell.genuine, knownFakes: [known], at: tell.genuineAt });
        continue;
      }
      check.knownFakes.push(known);
      if (SEVERITY_WEIGHT[tell.severity] > SEVERITY_WEIGHT[check.severity]) {
        Object.assign(check, { severity: tell.severity, tool: tell.tool, title: tell.title, genuine: tell.genuine, at: tell.genuineAt });
      }
    }
  }
  return [...checks.values()].sort(
    (a, b) => SEVERITY_WEIGHT[b.severity] - SEVERITY_WEIGHT[a.severity] || b.knownFakes.length - a.knownFakes.length || a.key.localeCompare(b.key),
  );
}

const IsoTime = z.iso.datetime({ offset: true });

export const CheckMark = z
  .object({
    check: z.string().min(1).max(200),
    mark: TellMark,
    note: z.string().max(2000).optional(),
  })
  .strict();
export type CheckMark = z.infer<typeof CheckMark>;

/**
 * A record as the device sends it. Its id is made on the device, so a record made offline and sent
 * again after a lost answer is the same record, stored once.
 */
export const InspectionInput = z
  .object({
    id: z.uuid(),
    productId: z.string().min(1).max(100),
    /** The catalogue version of the product the checklist came from. */
    contentVersion: z.string().min(1).max(100),
    /** The case or shipment reference the officer files it under. */
    reference: z.string().max(200).default(''),
    startedAt: IsoTime,
    /** The device's time of the last edit: an older copy never overwrites a newer one. */
    updatedAt: IsoTime,
    marks: z.array(CheckMark).max(200),
    notes: z.string().max(10_000).default(''),
  })
  .strict();
export type InspectionInput = z.infer<typeof InspectionInput>;

export interface InspectionPhoto {
  id: string;
  /** The check it shows, or none for the item as a whole. */
  check: string | null;
  caption: string;
  bytes: number;
  mediaType: string;
  /** True when the officer kept the photo's GPS position; otherwise it was removed before storing. */
  locationKept: boolean;
  url: string;
}

/** A stored record as the server returns it. */
export interface InspectionRecord extends InspectionInput {
  officer: { id: string; displayName: string; email: string };
  photos: InspectionPhoto[];
  /** Server time of the last stored change. */
  storedAt: string;
}

/** How the marks fall: counts per mark and the checks still open (unmarked or marked not checked). */
export interface Tally {
  consistent: number;
  inconsistent: number;
  notChecked: number;
  open: string[];
}

export function tally(checks: readonly Pick<Check, 'key'>[], marks: readonly CheckMark[]): Tally {
  const byCheck = new Map(marks.map((m) => [m.check, m.mark]));
  const result: Tally = { consistent: 0, inconsistent: 0, notChecked: 0, open: [] };
  for (const { key } of checks) {
    const mark = byCheck.get(key) ?? 'not_checked';
    if (mark === 'consistent') result.consistent++;
    else if (mark === 'inconsistent') result.inconsistent++;
    else {
      result.notChecked++;
      result.open.push(key);
    }
  }
  return result;
}
