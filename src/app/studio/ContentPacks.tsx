/**
 * Content packs from the studio: download every published product as one zip, and bring a zip in, as
 * drafts for review or (admins) published at once. A refused pack lists each problem with the file and
 * the path in it; nothing is stored then.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingBar } from '../LoadingBar';
import { exportPackUrl, importPackFile, UploadRefused, type ImportedPack, type PackIssue } from './studio-api';

type Phase =
  | { at: 'idle' }
  | { at: 'sending'; progress: number }
  | { at: 'checking' }
  | { at: 'imported'; pack: ImportedPack; name: string }
  | { at: 'refused'; message: string; issues: PackIssue[] };

export function ContentPacks({ canPublish, onImported }: { canPublish: boolean; onImported: () => void }) {
  const { t } = useTranslation('packs');
  const [phase, setPhase] = useState<Phase>({ at: 'idle' });
  const [publish, setPublish] = useState(false);
  const busy = phase.at === 'sending' || phase.at === 'checking';

  async function send(file: File) {
    setPhase({ at: 'sending', progress: 0 });
    try {
      const pack = await importPackFile(file, publish, (f) => setPhase({ at: 'sending', progress: f * 100 }), () => setPhase({ at: 'checking' }));
      setPhase({ at: 'imported', pack, name: file.name });
      onImported();
    } catch (e) {
      setPhase({ at: 'refused', message: e instanceof Error ? e.message : String(e), issues: e instanceof UploadRefused ? (e.issues as PackIssue[]) : [] });
    }
  }

  return (
    <section aria-labelledby="packs-title" className="studio-section">
      <h2 id="packs-title">{t('title')}</h2>
      <p className="lead">{t('lead')}</p>
      <div className="upload-row">
        <a className="button-link" href={exportPackUrl()} download>{t('exportAll')}</a>
        <label className="button-link upload-button">
          {t('import')}
          <input type="file" accept=".zip,application/zip" aria-label={t('importFile')} disabled={busy} hidden onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void send(file);
          }} />
        </label>
        {canPublish && (
          <label>
            <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} /> {t('publishAtOnce')}
          </label>
        )}
      </div>
      {phase.at === 'sending' && <LoadingBar label={t('uploading')} progress={phase.progress} />}
      {phase.at === 'checking' && <LoadingBar label={t('checking')} />}
      {phase.at === 'imported' && (
        <div className="upload-result" role="status">
          {t('imported', { name: phase.name, count: phase.pack.products.length })}
          <ul>
            {phase.pack.products.map((p) => (
              <li key={p.id}>
                {p.version === null ? t('alreadyHere', { id: p.id }) : t('importedProduct', { id: p.id, version: p.version, status: t(`status.${p.status}`, { defaultValue: p.status }) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {phase.at === 'refused' && (
        <div className="upload-refused" role="alert">
          <strong>{phase.message}</strong>
          {phase.issues.length > 0 && (
            <ul>
              {phase.issues.map((i, n) => (
                <li key={n}>
                  <code>{i.file}{i.path ? ` · ${i.path}` : ''}</code> {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
