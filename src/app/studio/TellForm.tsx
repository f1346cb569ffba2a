/** The selected tell's fields. Text is committed when the field is left (one undo step per field), choices at once. */
import { IsoClass, REVEAL_TOOLS, Severity, TELL_CATEGORIES, type Tell } from '../../domain/catalogue';
import type { FieldIssue } from '../api';
import { updateTell } from './document-edits';
import { editorActions } from './editor-store';
import { FieldError } from './NewProductForm';

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
  const text = (k: 'title' | 'genuine' | 'counterfeit', label: string, long = false) => {
    const props = {
      key: `${tell.id}-${k}-${tell[k]}`,
      defaultValue: tell[k],
      readOnly,
      onBlur: (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => e.target.value !== tell[k] && set({ [k]: e.target.value }),
    };
    return (
      <label className="field">
        {label}
        {long ? <textarea rows={2} {...props} /> : <input {...props} />}
        <FieldError issues={issues} path={path(k)} />
      </label>
    );
  };
  const choice = <K extends 'category' | 'iso' | 'tool' | 'severity'>(k: K, label: string, options: readonly string[]) => (
    <label className="field">
      {label}
      <select value={tell[k]} disabled={readOnly} onChange={(e) => set({ [k]: e.target.value } as Partial<Tell>)}>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  );
  const linked = tell.genuineAt.position.some((x, i) => x !== tell.at.position[i]) || tell.genuineAt.node !== tell.at.node;
  return (
    <section className="tell-card" aria-label="Tell">
      {text('title', 'Title')}
      <div className="facts">
        {choice('category', 'Category', TELL_CATEGORIES)}
        {choice('iso', 'ISO 22383 class', IsoClass.options)}
        {choice('tool', 'Tool', REVEAL_TOOLS)}
        {choice('severity', 'Severity', Severity.options)}
      </div>
      <label className="field">
        Tolerance (mm)
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
      {text('genuine', 'What the genuine shows', true)}
      {text('counterfeit', 'What this counterfeit shows', true)}
      <p className="tell-sub">
        On node "{tell.at.node}" · {linked ? `linked to the genuine at node "${tell.genuineAt.node}"` : 'not yet linked to the genuine (same point assumed)'}
      </p>
      <FieldError issues={issues} path={path('at')} />
      <FieldError issues={issues} path={path('genuineAt')} />
    </section>
  );
}
