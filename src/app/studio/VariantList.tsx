/** The product's variants (genuine and counterfeits): choose the one in the view, edit its facts, add models. */
import type { ProductDraft } from '../../domain/catalogue';
import type { FieldIssue } from '../api';
import { removeVariant, updateVariant } from './document-edits';
import { editorActions } from './editor-store';
import { ModelUpload } from './ModelUpload';
import { FieldError } from './NewProductForm';

interface Props {
  doc: ProductDraft;
  selectedId: string | null;
  readOnly: boolean;
  issues: FieldIssue[];
}

export function VariantList({ doc, selectedId, readOnly, issues }: Props) {
  const selectedIndex = doc.variants.findIndex((v) => v.id === selectedId);
  const selected = doc.variants[selectedIndex];
  const set = (change: Parameters<typeof updateVariant>[2]) => selected && editorActions.edit((d) => updateVariant(d, selected.id, change));
  return (
    <section aria-label="Variants" className="studio-section">
      <h3>Variants</h3>
      <ul className="tell-list">
        {doc.variants.map((v) => (
          <li key={v.id}>
            <button className="tell-item" aria-pressed={v.id === selectedId} onClick={() => editorActions.selectVariant(v.id)}>
              <span className={v.kind === 'genuine' ? 'pin-badge genuine-badge' : 'pin-badge'}>{v.kind === 'genuine' ? 'G' : v.id.slice(-1).toUpperCase()}</span>
              <span className="tell-title">{v.label}</span>
              <span className="tell-sub">{v.kind} · {v.tells.length} tells</span>
            </button>
          </li>
        ))}
      </ul>
      <FieldError issues={issues} path="body.variants" />
      {selected && (
        <div className="facts" key={`${selected.id}-${selected.label}-${selected.weightGrams}-${selected.provenance}`}>
          <label className="field">
            Label
            <input defaultValue={selected.label} readOnly={readOnly} onBlur={(e) => e.target.value !== selected.label && set({ label: e.target.value })} />
          </label>
          <label className="field">
            Weight (g)
            <input type="number" min={0.1} step={0.1} defaultValue={selected.weightGrams} readOnly={readOnly}
              onBlur={(e) => Number(e.target.value) > 0 && Number(e.target.value) !== selected.weightGrams && set({ weightGrams: Number(e.target.value) })} />
          </label>
          <label className="field wide">
            Provenance
            <input defaultValue={selected.provenance} readOnly={readOnly} onBlur={(e) => e.target.value !== selected.provenance && set({ provenance: e.target.value })} />
          </label>
          <FieldError issues={issues} path={`body.variants[${selectedIndex}]`} />
          {!readOnly && (
            <button className="link" onClick={() => (editorActions.edit((d) => removeVariant(d, selected.id)), editorActions.selectVariant(null))}>
              Remove this variant
            </button>
          )}
        </div>
      )}
      {!readOnly && <ModelUpload />}
    </section>
  );
}
