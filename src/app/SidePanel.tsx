/** Beside the stage: which counterfeit, what each item weighs, the ruler's reading, and the tells. */
import type { Product } from '../domain/catalogue';
import { counterfeitsOf } from '../domain/catalogue';
import { compareActions, useCompare, type Pair, type Side } from './compare-store';
import { TellList } from './TellList';
import { TellCard } from './TellCard';
import { navigate } from './route';
import { categoryLabel } from './labels';

function rulerReading(ruler: { point: [number, number, number] }[]): string | null {
  const [a, b] = ruler;
  if (!a || !b) return null;
  const mm = Math.hypot(a.point[0] - b.point[0], a.point[1] - b.point[1], a.point[2] - b.point[2]) * 1000;
  return `${mm.toFixed(1)} mm`;
}

export function SidePanel({ product, pair, genuineSide }: { product: Product; pair: Pair; genuineSide: Side }) {
  const ruler = useCompare((s) => s.ruler);
  const tool = useCompare((s) => s.tool);
  const selectedTellId = useCompare((s) => s.selectedTellId);
  const fakeSide: Side = genuineSide === 'A' ? 'B' : 'A';
  const selected = pair.tells.find((t) => t.id === selectedTellId) ?? null;
  const reading = rulerReading(ruler);
  const bySide = { [genuineSide]: pair.genuine, [fakeSide]: pair.counterfeit } as Record<Side, typeof pair.genuine>;

  return (
    <aside className="side-panel" aria-label="Study panel">
      <button className="link" onClick={() => navigate({ product: null, variant: null })}>← Catalogue</button>
      <h1 className="product-title">{product.name}</h1>
      <p className="product-meta">{product.brand} · {categoryLabel(product.category)} · HS {product.hsCode}</p>
      <label className="field">
        Counterfeit on the stage
        <select value={pair.counterfeit.id} onChange={(e) => { compareActions.chooseCounterfeit(e.target.value); navigate({ product: product.id, variant: e.target.value }); }}>
          {counterfeitsOf(product).map((v) => (
            <option key={v.id} value={v.id}>{v.label}</option>
          ))}
        </select>
      </label>
      <dl className="facts">
        {(['A', 'B'] as Side[]).map((side) => (
          <div key={side}>
            <dt>{side} · {bySide[side].kind === 'genuine' ? 'Genuine' : 'Counterfeit'}</dt>
            <dd>Scale: <strong data-testid={`weight-${side}`}>{bySide[side].weightGrams} g</strong></dd>
          </div>
        ))}
      </dl>
      {tool === 'ruler' && (
        <p className="ruler-reading" aria-live="polite">
          {reading ? <>Ruler ({ruler[0]!.side}): <strong data-testid="ruler-reading">{reading}</strong></> : `Click ${ruler.length === 0 ? 'two points' : 'a second point'} on one model to measure.`}
        </p>
      )}
      <TellList tells={pair.tells} selectedId={selectedTellId} />
      {selected && <TellCard tell={selected} genuineSide={genuineSide} />}
      <p className="provenance">{pair.counterfeit.provenance}</p>
    </aside>
  );
}
