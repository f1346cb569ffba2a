/** The selected tell's fields. Text is committed when the field is left (one undo step per field), choices at once. */
import { IsoClass, REVEAL_TOOLS, Severity, TELL_CATEGORIES, type RevealTool, type Tell, type TellCategory } from '../../domain/catalogue';
import type { FieldIssue } from '../api';
import { updateTell } from './document-edits';
import { editorActions } from './editor-store';
import { FieldError } from './NewProductForm';
import { useTranslation } from 'react-i18next';
import { localField, useTextLanguage } from './TextFields';
import { isoLabel, severityLabel, tellCategoryLabel, toolLabel } from '../labels';

interface Props {
  variantId: string;
  variantIndex: number;
  tell: Tell;
  tellIndex: number;
  readOnly: boolean;
  issues: FieldIssue[];
}

export function TellForm({ variantId, variantIndex, tell, tellIndex, readOnly, issues }: Props) {
  const set = (change: Partial<Tell>) => editorActions.edit((doc) => updateTell(doc, variantId, tell.id, change));
  const path = (k: string) => `body.variants[${variantIndex}].tells[${tellIndex}].${k}`;
  const { t } = useTranslation('studio');
  const lang = useTextLanguage((s) => s.lang);
  const text = (k: 'title' | 'genuine' | 'counterfeit', label: string, long = false) => {
    const props = { readOnly, ...localField(tell[k], lang, (next) => set({ [k]: next }), `${tell.id}-${k}`, t(`examples.${k}`)) };
    return (
      <label className="field">
        {label}
        {long ? <textarea rows={2} {...props} /> : <input {...props} />}
        <FieldError issues={issues} path={path(k)} />
      </label>
    );
  };
  const choice = <K extends 'category' | 'iso' | 'tool' | 'severity'>(k: K, label: string, options: readonly string[], word: (o: string) => string) => (
    <label className="field">
      {label}
      <select value={tell[k]} disabled={readOnly} onChange={(e) => set({ [k]: e.target.value } as Partial<Tell>)}>
        {options.map((o) => <option key={o} value={o}>{word(o)}</option>)}
      </select>
    </label>
  );
  const linked = tell.genuineAt.position.some((x, i) => x !== tell.at.position[i]) || tell.genuineAt.node !== tell.at.node;
  return (
    <section className="tell-card" aria-label={t('tell')}>
      {text('title', t('title'))}
      <div className="facts">
        {choice('category', t('category'), TELL_CATEGORIES, (o) => tellCategoryLabel(o as TellCategory))}
        {choice('iso', t('isoClass'), IsoClass.options, (o) => isoLabel(o as IsoClass))}
        {choice('tool', t('tool'), REVEAL_TOOLS, (o) => toolLabel(o as RevealTool))}
        {choice('severity', t('severity'), Severity.options, (o) => severityLabel(o as Severity))}
      </div>
      <label className="field">
        {t('tolerance')}
        <input
          key={`${tell.id}-tol-${tell.tolerance}`}
          type="number"
          min={1}
          max={200}
          step={1}
          defaultValue={Math.round(tell.tolerance * 1000)}
          readOnly={readOnly}
          onBlur={(e) => {
            const mm = Number(e.target.value);
            if (Number.isFinite(mm) && mm > 0 && mm / 1000 !== tell.tolerance) set({ tolerance: mm / 1000 });
          }}
        />
        <FieldError issues={issues} path={path('tolerance')} />
      </label>
      <label className="field checkbox-field">
        <input type="checkbox" checked={!!tell.wholePart} disabled={readOnly} onChange={(e) => set({ wholePart: e.target.checked || undefined })} />
        {t('wholePart', { node: tell.at.node })}
      </label>
      {text('genuine', t('genuineShows'), true)}
      {text('counterfeit', t('counterfeitShows'), true)}
      <p className="tell-sub">
        {t('onNode', { node: tell.at.node })} · {linked ? t('linkedTo', { node: tell.genuineAt.node }) : t('notLinked')}
      </p>
      <FieldError issues={issues} path={path('at')} />
      <FieldError issues={issues} path={path('genuineAt')} />
    </section>
  );
}
