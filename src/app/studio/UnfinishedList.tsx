/**
 * "Before it can be reviewed": what the draft still lacks (texts, weights, tells), each a button that
 * selects the variant or tell at fault. Send for review stays disabled while the list has entries.
 */
import { useTranslation } from 'react-i18next';
import type { ProductDraft } from '../../domain/catalogue';
import { unfinishedParts, type Unfinished } from '../../domain/draft-readiness';
import { useLocalText } from '../../i18n/text';
import { editorActions } from './editor-store';

const FIELD_WORDS = new Set(['title', 'genuine', 'counterfeit', 'weightGrams', 'provenance', 'label', 'tells', 'variants']);
const PRODUCT_FIELDS = new Set(['name', 'brand', 'category', 'hsCode', 'description', 'cocoClasses']);

export function UnfinishedList({ doc }: { doc: ProductDraft }) {
  const { t } = useTranslation('studio');
  const text = useLocalText();
  const parts = unfinishedParts(doc);
  if (parts.length === 0) return null;

  const where = (p: Unfinished) => {
    const variant = p.variant === undefined ? undefined : doc.variants[p.variant];
    if (!variant) return '';
    const label = text(variant.label) || t(`kindWord.${variant.kind}`);
    const tell = p.tell === undefined ? undefined : variant.tells[p.tell];
    if (!tell) return label;
    const title = text(tell.title);
    return title ? t('unfinished.inTellTitled', { variant: label, n: p.tell! + 1, title }) : t('unfinished.inTell', { variant: label, n: p.tell! + 1 });
  };
  const what = (p: Unfinished) =>
    FIELD_WORDS.has(p.field)
      ? t(`unfinished.${p.field}`)
      : t('unfinished.field', { field: PRODUCT_FIELDS.has(p.field) ? t(p.field) : p.field, message: p.message });
  const select = (p: Unfinished) => {
    const variant = p.variant === undefined ? undefined : doc.variants[p.variant];
    if (!variant) return;
    editorActions.selectVariant(variant.id);
    const tell = p.tell === undefined ? undefined : variant.tells[p.tell];
    if (tell) editorActions.selectTell(tell.id);
  };
  // One line per gap: a text missing in several languages' fields still reads once.
  const lines = [...new Map(parts.map((p) => [`${where(p)}|${what(p)}`, p])).values()];
  return (
    <section aria-label={t('unfinished.heading')} className="tell-card unfinished">
      <h3>{t('unfinished.heading')}</h3>
      <ul className="unfinished-list">
        {lines.map((p, i) => {
          const place = where(p);
          return (
            <li key={i}>
              <button className="link" onClick={() => select(p)}>
                {place ? t('unfinished.line', { where: place, what: what(p) }) : what(p)}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
