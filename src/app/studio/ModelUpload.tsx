/**
 * "Add model": a GLB or glTF chosen or dropped, sent with a progress bar, then "Checking…" while the
 * server validates and optimises it. A refused file shows the checker's issues with their pointers;
 * an accepted one its size before and after, and the budget message when it is still too heavy.
 */
import { useState, type DragEvent } from 'react';
import type { VariantKind } from '../../domain/catalogue';
import { LoadingBar } from '../LoadingBar';
import { addVariant } from './document-edits';
import { documentOf, editorActions, useEditor } from './editor-store';
import { uploadFile, UploadRefused, type UploadedModel, type UploadIssue } from './studio-api';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/text';

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? i18n.t('studio:mb', { value: formatNumber(bytes / 1024 / 1024, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) })
    : i18n.t('studio:kb', { value: formatNumber(bytes / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
}

type Phase =
  | { at: 'idle' }
  | { at: 'sending'; progress: number }
  | { at: 'checking' }
  | { at: 'accepted'; model: UploadedModel; name: string }
  | { at: 'refused'; message: string; issues: UploadIssue[] };

export function ModelUpload() {
  const { t } = useTranslation('studio');
  const hasGenuine = useEditor((s) => !!documentOf(s)?.variants.some((v) => v.kind === 'genuine'));
  const [kind, setKind] = useState<VariantKind | null>(null);
  const [phase, setPhase] = useState<Phase>({ at: 'idle' });
  const [over, setOver] = useState(false);
  const chosenKind: VariantKind = kind ?? (hasGenuine ? 'counterfeit' : 'genuine');

  async function send(file: File) {
    setPhase({ at: 'sending', progress: 0 });
    try {
      const up = await uploadFile(file, (f) => setPhase({ at: 'sending', progress: f * 100 }), () => setPhase({ at: 'checking' }));
      if (up.kind !== 'model') throw new UploadRefused(i18n.t('studio:isPhoto', { name: file.name }), []);
      let variantId = '';
      editorActions.edit((doc) => {
        const r = addVariant(doc, chosenKind, up.file);
        variantId = r.variantId;
        return r.doc;
      });
      editorActions.selectVariant(variantId);
      setKind(null);
      setPhase({ at: 'accepted', model: up, name: file.name });
    } catch (e) {
      setPhase({ at: 'refused', message: e instanceof Error ? e.message : String(e), issues: e instanceof UploadRefused ? e.issues : [] });
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void send(file);
  };
  const busy = phase.at === 'sending' || phase.at === 'checking';
  return (
    <div className={over ? 'drop-zone over' : 'drop-zone'} onDragOver={(e) => (e.preventDefault(), setOver(true))} onDragLeave={() => setOver(false)} onDrop={onDrop}>
      <div className="upload-row">
        <select aria-label={t('kindOfModel')} value={chosenKind} onChange={(e) => setKind(e.target.value as VariantKind)}>
          <option value="genuine" disabled={hasGenuine}>{t('common:genuine')}</option>
          <option value="counterfeit">{t('common:counterfeit')}</option>
        </select>
        <label className="button-link upload-button">
          {t('addModel')}
          <input type="file" accept=".glb,.gltf,model/gltf-binary,model/gltf+json" aria-label={t('modelFile')} disabled={busy} hidden onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void send(file);
          }} />
        </label>
      </div>
      <p className="tell-sub">{t('dropModel')}</p>
      {phase.at === 'sending' && <LoadingBar label={t('uploading')} progress={phase.progress} />}
      {phase.at === 'checking' && <LoadingBar label={t('checking')} />}
      {phase.at === 'accepted' && (
        <p className="upload-result" role="status">
          {t('accepted', { name: phase.name, before: formatSize(phase.model.original.bytes), after: formatSize(phase.model.optimised.bytes) })}
          {phase.model.budgetMessage && <span className="warn-text"> {phase.model.budgetMessage}</span>}
        </p>
      )}
      {phase.at === 'refused' && (
        <div role="alert" className="upload-refused">
          <p className="error">{phase.message}</p>
          {phase.issues.length > 0 && (
            <ul>
              {phase.issues.map((i, n) => <li key={n}><code>{i.pointer}</code> {i.message}</li>)}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
