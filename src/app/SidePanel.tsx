/** Beside the stage: which counterfeit, what each item weighs, the ruler's reading, and the tells. */
import type { Product } from '../domain/catalogue';
import { counterfeitsOf } from '../domain/catalogue';
import { compareActions, useCompare, variantsBySide, type Pair, type Side } from '../scene/state/compare-store';
import { TellList } from './TellList';
import { TellCard } from './TellCard';
import { navigate } from './route';
import { categoryLabel } from './labels';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n';
import { formatNumber, useLocalText } from '../i18n/text';

function rulerReading(ruler: { point: [number, number, number] }[]): string | null {
  const [a, b] = ruler;
  if (!a || !b) return null;
  const mm = Math.hypot(a.point[0] - b.point[0], a.point[1] - b.point[1], a.point[2] - b.point[2]) * 1000;
  return i18n.t('common:mm', { value: formatNumber(mm, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
}

export function SidePanel({ product, pair, genuineSide }: { product: Product; pair: Pair; genuineSide: Side }) {
  const { t } = useTranslation('compare');
  const text = useLocalText();
  const ruler = useCompare((s) => s.ruler);
  const tool = useCompare((s) => s.tool);
  const selectedTellId = useCompare((s) => s.selectedTellId);
  const selected = pair.tells.find((t) => t.id === selectedTellId) ?? null;
  const reading = rulerReading(ruler);
  const bySide = variantsBySide(pair, genuineSide);

  return (
    <aside className="side-panel" aria-label={t('studyPanel')}>
      <button className="link" onClick={() => navigate({ product: null, variant: null })}>{t('backToCatalogue')}</button>
      <h1 className="product-title">{text(product.name)}</h1>
      <p className="product-meta">{t('meta', { brand: product.brand, category: categoryLabel(product.category), hsCode: product.hsCode })}</p>
      <label className="field">
        {t('counterfeitOnStage')}
        <select value={pair.counterfeit.id} onChange={(e) => { compareActions.chooseCounterfeit(e.target.value); navigate({ product: product.id, variant: e.target.value }); }}>
          {counterfeitsOf(product).map((v) => (
            <option key={v.id} value={v.id}>{text(v.label)}</option>
          ))}
        </select>
      </label>
      <dl className="facts">
        {(['A', 'B'] as Side[]).map((side) => (
          <div key={side}>
            <dt>{side} · {t(`common:${bySide[side].kind}`)}</dt>
            <dd>{t('scale')} <strong data-testid={`weight-${side}`}>{t('common:grams', { value: formatNumber(bySide[side].weightGrams) })}</strong></dd>
          </div>
        ))}
      </dl>
      {tool === 'ruler' && (
        <p className="ruler-reading" aria-live="polite">
          {reading ? <>{t('ruler', { side: ruler[0]!.side })} <strong data-testid="ruler-reading">{reading}</strong></> : t(ruler.length === 0 ? 'clickTwo' : 'clickSecond')}
        </p>
      )}
      <TellList tells={pair.tells} selectedId={selectedTellId} />
      {selected && <TellCard tell={selected} genuineSide={genuineSide} />}
      <p className="provenance">{text(pair.counterfeit.provenance)}</p>
    </aside>
  );
}
