/**
 * The case-file export of an inspection record (record.json, and what record.pdf prints): the record,
 * the product it was made on with the rights holder's verification contact, each check with its mark
 * and note, and the counts — never a verdict: the officer's decision statement comes first.
 */
import { TellCategory, type Product, type RevealTool, type Severity, type VerificationContact } from '../../domain/catalogue';
import { checklist, tally, type InspectionRecord, type Tally, type TellMark } from '../../domain/inspection';
import { textIn, type TextLanguage } from '../../domain/local-text';
import { caseFileWords } from './case-file-words';

export interface CaseFileCheck {
  key: string;
  title: string;
  /** The tell category of the check (from its key for one the checklist no longer has; null if its key names none). */
  category: TellCategory | null;
  /** Null for a check the record marked that the product's current checklist no longer has. */
  tool: RevealTool | null;
  severity: Severity | null;
  genuine: string;
  mark: TellMark;
  note: string;
}

export interface CaseFile {
  /** The officer's decision statement, in `lang`. */
  statement: string;
  exportedAt: string;
  /** The IANA time zone the PDF prints its times in (the JSON's times stay ISO 8601, in UTC). */
  timeZone: string;
  record: InspectionRecord;
  product: {
    id: string;
    name: string;
    brand: string;
    gtin: string | null;
    /** The content version the record was made on. */
    contentVersion: string;
    /** The catalogue's version of the product now (null when it is no longer in the catalogue). */
    currentContentVersion: string | null;
    verification: VerificationContact | null;
  };
  checks: CaseFileCheck[];
  tally: Tally;
  /** The language of the catalogue texts in this export. */
  lang: TextLanguage;
}

/** Each mark's key in the casefile namespace. */
export const MARK_KEYS: Record<TellMark, string> = {
  consistent: 'casefile:mark.consistent',
  inconsistent: 'casefile:mark.inconsistent',
  not_checked: 'casefile:mark.notChecked',
};

/** The category a check key (`category@node`) names, if any. */
function categoryOfKey(key: string): TellCategory | null {
  const parsed = TellCategory.safeParse(key.split('@')[0]);
  return parsed.success ? parsed.data : null;
}

/**
 * The case file. `product` is the catalogue's product now (undefined when it was removed): its checks
 * are listed in checklist order, then any the record marked that it no longer has, by their key.
 */
export function caseFile(record: InspectionRecord, product: { product: Product; version: string } | undefined, lang: TextLanguage, now = new Date(), timeZone = 'UTC'): CaseFile {
  const marks = new Map(record.marks.map((m) => [m.check, m]));
  const checks = product ? checklist(product.product) : [];
  const listed: CaseFileCheck[] = checks.map((c) => ({
    key: c.key,
    title: textIn(c.title, lang),
    category: c.category,
    tool: c.tool,
    severity: c.severity,
    genuine: textIn(c.genuine, lang),
    mark: marks.get(c.key)?.mark ?? 'not_checked',
    note: marks.get(c.key)?.note ?? '',
  }));
  const known = new Set(checks.map((c) => c.key));
  for (const m of record.marks) {
    if (!known.has(m.check)) listed.push({ key: m.check, title: m.check, category: categoryOfKey(m.check), tool: null, severity: null, genuine: '', mark: m.mark, note: m.note ?? '' });
  }
  return {
    statement: caseFileWords(lang).t('inspect:statement'),
    exportedAt: now.toISOString(),
    timeZone,
    record,
    product: {
      id: record.productId,
      name: product ? textIn(product.product.name, lang) : record.productId,
      brand: product?.product.brand ?? '',
      gtin: product?.product.gtin ?? null,
      contentVersion: record.contentVersion,
      currentContentVersion: product?.version ?? null,
      verification: product?.product.verification ?? null,
    },
    checks: listed,
    tally: tally(listed, record.marks),
    lang,
  };
}
