/** The product's variants (genuine and counterfeits): choose the one in the view, edit its facts, add models. */
import type { ProductDraft } from '../../domain/catalogue';
import type { FieldIssue } from '../api';
import { removeVariant, updateVariant } from './document-edits';
import { editorActions } from './editor-store';
import { ModelUpload } from './ModelUpload';
import { FieldError } from './NewProductForm';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../../i18n/text';
import { localField, useTextLanguage } from './TextFields';

interface Props {
  doc: ProductDraft;
  selectedId: string | null;
  readOnly: boolean;
  issues: FieldIssue[];
}

export function VariantList({ doc, selectedId, readOnly, issues }: Props) {
  const { t } = useTranslation('studio');
  const text = useLocalText();
  const lang = useTextLanguage((s) => s.lang);
  const selectedIndex = doc.variants.findIndex((v) => v.id === selectedId);
  const selected = doc.variants[selectedIndex];
  const set = (change: Parameters<typeof updateVariant>[2]) => selected && editorActions.edit((d) => updateVariant(d, selected.id, change));
  return (
    <section aria-label={t('variants')} className="studio-section">
      <h3>{t('variants')}</h3>
      <ul className="tell-list">
        {doc.variants.map((v) => (
          <li key={v.id}>
            <button className="tell-item" aria-pressed={v.id === selectedId} onClick={() => editorActions.selectVariant(v.id)}>
              <span className={v.kind === 'genuine' ? 'pin-badge genuine-badge' : 'pin-badge'}>{v.kind === 'genuine' ? 'G' : v.id.slice(-1).toUpperCase()}</span>
              <span className="tell-title">{text(v.label)}</span>
              <span className="tell-sub">{t('variantTells', { kind: t(`kindWord.${v.kind}`), count: v.tells.length })}</span>
            </button>
          </li>
        ))}
      </ul>
      <FieldError issues={issues} path="body.variants" />
      {selected && (
        <div className="facts" key={`${selected.id}-${selected.weightGrams}`}>
          <label className="field">
            {t('label')}
            <input readOnly={readOnly} {...localField(selected.label, lang, (label) => set({ label }), `${selected.id}-label`)} />
          </label>
          <label className="field">
            {t('weight')}
            <input type="number" min={0.1} step={0.1} defaultValue={selected.weightGrams || ''} placeholder={t('examples.weight')} readOnly={readOnly}
              onBlur={(e) => Number(e.target.value) > 0 && Number(e.target.value) !== selected.weightGrams && set({ weightGrams: Number(e.target.value) })} />
          </label>
          <label className="field wide">
            {t('provenance')}
            <input readOnly={readOnly} {...localField(selected.provenance, lang, (provenance) => set({ provenance }), `${selected.id}-provenance`, t('examples.provenance'))} />
          </label>
          <FieldError issues={issues} path={`body.variants[${selectedIndex}]`} />
          {!readOnly && (
            <button className="link" onClick={() => (editorActions.edit((d) => removeVariant(d, selected.id)), editorActions.selectVariant(null))}>
              {t('removeVariant')}
            </button>
          )}
        </div>
      )}
      {!readOnly && <ModelUpload />}
    </section>
  );
}
