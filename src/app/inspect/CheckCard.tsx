/**
 * One check of the checklist: what to look at, with which tool, how telling it is, what the genuine
 * shows and what known fakes showed; the officer's three-way mark (native radios: arrow keys move
 * between them), a note, and photos. Choosing the card selects its marker on the model.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevealTool } from '../../domain/catalogue';
import { TELL_MARKS, type TellMark } from '../../domain/inspection';
import { useLocalText } from '../../i18n/text';
import { compareActions } from '../../scene/state/compare-store';
import { severityLabel, tellCategoryLabel, toolLabel } from '../labels';
import type { CheckRow } from './checklist-view';
import { PhotoAdd, PhotoStrip, type ShownPhoto } from './PhotoAdd';

/** Plain symbols that every system font has (emoji are missing on many kiosks and in headless browsers). */
export const TOOL_ICON: Record<RevealTool, string> = { 'naked-eye': '◉', loupe: '⊕', uv: '☀', measure: '↔', weight: '⚖' };

const MARK_KEY: Record<TellMark, 'markConsistent' | 'markInconsistent' | 'markNotChecked'> = {
  consistent: 'markConsistent',
  inconsistent: 'markInconsistent',
  not_checked: 'markNotChecked',
};

interface Props {
  row: CheckRow;
  selected: boolean;
  readOnly: boolean;
  photos: ShownPhoto[];
  onMark: (check: string, mark: TellMark) => void;
  onNote: (check: string, note: string) => void;
  onPhoto: (check: string, file: File, caption: string, keepLocation: boolean) => void;
}

export function CheckCard({ row, selected, readOnly, photos, onMark, onNote, onPhoto }: Props) {
  const { t } = useTranslation('inspect');
  const text = useLocalText();
  const ref = useRef<HTMLLIElement>(null);
  const { check, n } = row;
  const [note, setNote] = useState(row.note);
  useEffect(() => setNote(row.note), [row.note]);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);
  const titleId = `check-title-${n}`;
  return (
    <li ref={ref} className={selected ? 'check-card selected' : 'check-card'} aria-labelledby={titleId} data-check={check.key} data-mark={row.marked ? row.mark : undefined}>
      <button type="button" className="check-head" aria-pressed={selected} onClick={() => compareActions.focusTell(check.key)}>
        <span className="pin-badge">{n}</span>
        <span className="check-title" id={titleId}>{text(check.title)}</span>
      </button>
      <p className="check-meta">
        <span className="check-tool">
          <span aria-hidden>{TOOL_ICON[check.tool]}</span> {toolLabel(check.tool)}
        </span>
        <span className={`check-severity severity-${check.severity}`}>{severityLabel(check.severity)}</span>
        <span className="check-category">{tellCategoryLabel(check.category)}</span>
      </p>
      <dl className="check-facts">
        <dt>{t('genuineShows')}</dt>
        <dd>{text(check.genuine)}</dd>
        <dt>{t('fakesShowed', { count: check.knownFakes.length })}</dt>
        <dd>
          <ul>
            {check.knownFakes.map((f) => (
              <li key={`${f.variantId}/${f.tellId}`}>{text(f.shows)}</li>
            ))}
          </ul>
        </dd>
      </dl>
      <fieldset className="check-marks" disabled={readOnly}>
        <legend>{t('markLegend', { n })}</legend>
        {TELL_MARKS.map((m) => (
          <label key={m} className={`mark-choice mark-${m}`}>
            <input type="radio" name={`mark-${check.key}`} value={m} checked={row.marked && row.mark === m} onChange={() => onMark(check.key, m)} onFocus={() => !selected && compareActions.focusTell(check.key)} />
            {t(MARK_KEY[m])}
          </label>
        ))}
      </fieldset>
      <label className="field check-note">
        {t('note')}
        <textarea
          rows={2}
          value={note}
          readOnly={readOnly}
          onChange={(e) => {
            setNote(e.target.value);
            onNote(check.key, e.target.value);
          }}
        />
      </label>
      <PhotoStrip photos={photos} />
      {!readOnly && <PhotoAdd label={t('addPhotoFor', { n })} onPhoto={(file, caption, keep) => onPhoto(check.key, file, caption, keep)} />}
    </li>
  );
}
