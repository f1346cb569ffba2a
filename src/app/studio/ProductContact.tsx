/**
 * The product's barcode (GTIN) and the rights holder's verification contact, in the product editor:
 * what the inspection assistant finds a product by and whom an examiner asks to confirm an item.
 * An emptied field is dropped; the server's refusals show under their fields.
 */
import { useTranslation } from 'react-i18next';
import type { ProductDraft, VerificationContact } from '../../domain/catalogue';
import type { FieldIssue } from '../api';
import { editorActions } from './editor-store';
import { FieldError } from './NewProductForm';

type ContactKey = keyof VerificationContact;
const CONTACT_FIELDS: { key: ContactKey; label: 'studioOrganisation' | 'studioEmail' | 'studioPhone' | 'studioUrl' | 'studioNote'; type: string }[] = [
  { key: 'organisation', label: 'studioOrganisation', type: 'text' },
  { key: 'email', label: 'studioEmail', type: 'email' },
  { key: 'phone', label: 'studioPhone', type: 'tel' },
  { key: 'url', label: 'studioUrl', type: 'url' },
  { key: 'note', label: 'studioNote', type: 'text' },
];

/** The contact with one field changed; all fields empty: no contact at all. */
export function withContactField(contact: VerificationContact | undefined, key: ContactKey, value: string): VerificationContact | undefined {
  const next: Partial<VerificationContact> = { ...contact };
  if (value.trim()) next[key] = value.trim();
  else delete next[key];
  if (Object.values(next).every((v) => !v)) return undefined;
  return { ...next, organisation: next.organisation ?? '' } as VerificationContact;
}

export function ProductContact({ doc, readOnly, issues }: { doc: ProductDraft; readOnly: boolean; issues: FieldIssue[] }) {
  const { t } = useTranslation('inspect');
  const set = (change: (d: ProductDraft) => ProductDraft) => editorActions.edit(change);
  const setGtin = (value: string) =>
    set((d) => {
      const { gtin: _old, ...rest } = d;
      const gtin = value.replace(/[\s-]/g, '');
      return gtin ? { ...rest, gtin } : rest;
    });
  const setContact = (key: ContactKey, value: string) =>
    set((d) => {
      const { verification: _old, ...rest } = d;
      const verification = withContactField(d.verification, key, value);
      return verification ? { ...rest, verification } : rest;
    });
  return (
    <section aria-label={t('studioHeading')} className="studio-section">
      <h3>{t('studioHeading')}</h3>
      <label className="field">
        {t('studioGtin')}
        <input key={`gtin-${doc.gtin ?? ''}`} inputMode="numeric" defaultValue={doc.gtin ?? ''} readOnly={readOnly} onBlur={(e) => e.target.value.trim() !== (doc.gtin ?? '') && setGtin(e.target.value)} />
        <FieldError issues={issues} path="body.gtin" />
      </label>
      {CONTACT_FIELDS.map(({ key, label, type }) => {
        const value = doc.verification?.[key] ?? '';
        return (
          <label className="field" key={key}>
            {t(label)}
            <input key={`${key}-${value}`} type={type} defaultValue={value} readOnly={readOnly} onBlur={(e) => e.target.value.trim() !== value && setContact(key, e.target.value)} />
            <FieldError issues={issues} path={`body.verification.${key}`} />
          </label>
        );
      })}
      {issues.filter((i) => i.path === 'body.verification').map((i, n) => (
        <span key={n} className="field-error" role="alert">{i.message}</span>
      ))}
    </section>
  );
}
