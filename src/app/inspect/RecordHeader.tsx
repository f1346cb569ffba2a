/**
 * The top of an inspection record: the officer's statement (never a verdict), the case reference and
 * notes, the tally with its stacked bar and the open checks, whether the record is on the server yet,
 * the exports, and the rights holder's verification contact.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../../i18n/text';
import { compareActions } from '../../scene/state/compare-store';
import type { ChecklistView } from './checklist-view';
import { inspectApi, type VerificationContact } from './inspect-api';
import type { SaveState } from './sync-queue';

export function TallyBar({ view }: { view: ChecklistView }) {
  const { t } = useTranslation('inspect');
  const { consistent, inconsistent, notChecked } = view.tally;
  const line = t('tally', { consistent, inconsistent, notChecked });
  return (
    <div className="inspect-tally">
      <p className="tally-line" role="status" data-testid="tally">{line}</p>
      <div className="tally-bar" role="img" aria-label={line}>
        <span className="seg consistent" style={{ width: `${view.shares.consistent}%` }} />
        <span className="seg inconsistent" style={{ width: `${view.shares.inconsistent}%` }} />
        <span className="seg not-checked" style={{ width: `${view.shares.notChecked}%` }} />
      </div>
    </div>
  );
}

export function OpenChecks({ view }: { view: ChecklistView }) {
  const { t } = useTranslation('inspect');
  const text = useLocalText();
  const open = view.rows.filter((r) => view.tally.open.includes(r.check.key));
  if (open.length === 0) return <p className="open-none">{t('noOpenChecks')}</p>;
  return (
    <details className="open-checks">
      <summary>{t('openChecks', { count: open.length })}</summary>
      <ul>
        {open.map((r) => (
          <li key={r.check.key}>
            <button type="button" className="link" onClick={() => compareActions.focusTell(r.check.key)}>
              {t('openCheck', { n: r.n, title: text(r.check.title) })}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function VerificationBox({ contact }: { contact: VerificationContact | undefined }) {
  const { t } = useTranslation('inspect');
  return (
    <section className="inspect-contact" aria-labelledby="inspect-contact-h">
      <h3 id="inspect-contact-h">{t('contactHeading')}</h3>
      {!contact ? (
        <p>{t('contactNone')}</p>
      ) : (
        <address>
          <strong>{contact.organisation}</strong>
          {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
          {contact.phone && <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>}
          {contact.url && <a href={contact.url} target="_blank" rel="noreferrer">{contact.url}</a>}
          {contact.note && <span className="contact-note">{contact.note}</span>}
        </address>
      )}
    </section>
  );
}

export function SaveLine({ state, blocked }: { state: SaveState; blocked: boolean }) {
  const { t } = useTranslation('inspect');
  const words = state === 'synced' ? t('synced') : state === 'refused' ? t('refused') : blocked ? t('savedOnDevice') : t('saving');
  return (
    <p className={`save-state save-${state}`} role="status" data-testid="save-state">
      {words}
    </p>
  );
}

export function Exports({ recordId, ready }: { recordId: string; ready: boolean }) {
  const { t } = useTranslation('inspect');
  return (
    <div className="inspect-exports" role="group" aria-label={t('exports')}>
      {ready ? (
        <>
          <a className="button secondary" href={inspectApi.pdfUrl(recordId)} download>{t('exportPdf')}</a>
          <a className="button secondary" href={inspectApi.jsonUrl(recordId)} download>{t('exportJson')}</a>
        </>
      ) : (
        <>
          <button type="button" className="secondary" disabled aria-describedby="export-why">{t('exportPdf')}</button>
          <button type="button" className="secondary" disabled aria-describedby="export-why">{t('exportJson')}</button>
          <p id="export-why" className="export-why">{t('exportWhy')}</p>
        </>
      )}
    </div>
  );
}

/** A text field that edits on every change but follows the record when it changes elsewhere. */
export function RecordText({ label, value, readOnly, multiline, onChange, maxLength }: { label: string; value: string; readOnly: boolean; multiline?: boolean; onChange: (v: string) => void; maxLength: number }) {
  const [v, setV] = useState(value);
  useEffect(() => setV(value), [value]);
  const change = (next: string) => {
    setV(next);
    onChange(next);
  };
  return (
    <label className="field">
      {label}
      {multiline ? (
        <textarea rows={3} value={v} readOnly={readOnly} maxLength={maxLength} onChange={(e) => change(e.target.value)} />
      ) : (
        <input value={v} readOnly={readOnly} maxLength={maxLength} onChange={(e) => change(e.target.value)} />
      )}
    </label>
  );
}
