/**
 * Catalogue texts in several languages, in the product editor: which language the text fields edit
 * (English is required; Spanish and French are optional translations), and the product's own name
 * and description. A field shows the text stored for exactly that language; leaving a translation
 * empty drops it, and trainees then read the English.
 */
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { ProductDraft } from '../../domain/catalogue';
import { ownText, textIn, TEXT_LANGUAGES, withText, type LocalText, type TextLanguage } from '../../domain/local-text';
import { LANGUAGE_NAMES } from '../../i18n/i18n';
import type { FieldIssue } from '../api';
import { editorActions } from './editor-store';
import { FieldError } from './NewProductForm';

/** The language the studio's text fields edit; English until the author picks another. */
export const useTextLanguage = create<{ lang: TextLanguage }>(() => ({ lang: 'en' }));
export const setTextLanguage = (lang: TextLanguage) => useTextLanguage.setState({ lang });

/** Props for an uncontrolled text input that edits `text` in the chosen language; `save` gets the new LocalText. */
/** An input's props for one language of a text; `example` is the placeholder where nothing is written yet. */
export function localField(text: LocalText | undefined, lang: TextLanguage, save: (next: LocalText) => void, id: string, example?: string) {
  const value = ownText(text, lang);
  return {
    key: `${id}-${lang}-${value}`,
    defaultValue: value,
    lang,
    placeholder: (lang === 'en' ? '' : textIn(text, 'en')) || example,
    onBlur: (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.target.value !== value) save(withText(text, lang, e.target.value));
    },
  };
}

export function TextLanguagePicker() {
  const { t } = useTranslation('studio');
  const lang = useTextLanguage((s) => s.lang);
  return (
    <label className="field">
      {t('textLanguage')}
      <select value={lang} onChange={(e) => setTextLanguage(e.target.value as TextLanguage)}>
        {TEXT_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(l === 'en' ? 'textLanguageRequired' : 'textLanguageOptional', { language: LANGUAGE_NAMES[l] })}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ProductTexts({ doc, readOnly, issues }: { doc: ProductDraft; readOnly: boolean; issues: FieldIssue[] }) {
  const { t } = useTranslation('studio');
  const lang = useTextLanguage((s) => s.lang);
  const set = (change: Partial<ProductDraft>) => editorActions.edit((d) => ({ ...d, ...change }));
  return (
    <section aria-label={t('productTexts')} className="studio-section">
      <label className="field wide">
        {t('name')}
        <input readOnly={readOnly} {...localField(doc.name, lang, (name) => set({ name }), `${doc.id}-name`)} />
        <FieldError issues={issues} path="body.name" />
      </label>
      <label className="field wide">
        {t('description')}
        <textarea rows={3} readOnly={readOnly} {...localField(doc.description, lang, (description) => set({ description }), `${doc.id}-description`)} />
        <FieldError issues={issues} path="body.description" />
      </label>
    </section>
  );
}
