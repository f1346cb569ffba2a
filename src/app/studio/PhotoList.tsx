/** Reference photos of the genuine item: uploaded like models (checked on the server), each with a caption. */
import { useState } from 'react';
import type { ProductDraft } from '../../domain/catalogue';
import { storedFileOf, storedFileUrl } from '../../domain/stored-file';
import { LoadingBar } from '../LoadingBar';
import { editorActions } from './editor-store';
import { uploadFile } from './studio-api';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../../i18n/text';
import { localField, useTextLanguage } from './TextFields';

export function PhotoList({ doc, readOnly }: { doc: ProductDraft; readOnly: boolean }) {
  const { t } = useTranslation('studio');
  const text = useLocalText();
  const lang = useTextLanguage((s) => s.lang);
  const [progress, setProgress] = useState<number | 'checking' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const setPhotos = (photos: ProductDraft['photos']) => editorActions.edit((d) => ({ ...d, photos }));

  async function send(file: File) {
    setError(null);
    setProgress(0);
    try {
      const up = await uploadFile(file, (f) => setProgress(f * 100), () => setProgress('checking'));
      if (up.kind !== 'photo') throw new Error(t('isModel', { name: file.name }));
      editorActions.edit((d) => ({ ...d, photos: [...d.photos, { file: up.file, caption: file.name.replace(/\.[^.]+$/, '') }] }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  }

  return (
    <section aria-label={t('photos')} className="studio-section">
      <h3>{t('photos')}</h3>
      <ul className="photo-list">
        {doc.photos.map((p, i) => {
          const ref = storedFileOf(p.file);
          return (
            <li key={p.file}>
              {ref && <img src={storedFileUrl(ref.sha256)} alt={text(p.caption)} />}
              <input aria-label={t('caption')} readOnly={readOnly} {...localField(p.caption, lang, (caption) => setPhotos(doc.photos.map((q, j) => (j === i ? { ...q, caption } : q))), p.file)} />
              {!readOnly && <button className="link" onClick={() => setPhotos(doc.photos.filter((_, j) => j !== i))}>{t('remove')}</button>}
            </li>
          );
        })}
      </ul>
      {progress !== null && <LoadingBar label={progress === 'checking' ? t('checking') : t('uploading')} progress={progress === 'checking' ? undefined : progress} />}
      {error && <p role="alert" className="error">{error}</p>}
      {!readOnly && (
        <label className="button-link upload-button">
          {t('addPhoto')}
          <input type="file" accept="image/jpeg,image/png,image/webp" aria-label={t('photoFile')} hidden onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void send(file);
          }} />
        </label>
      )}
    </section>
  );
}
