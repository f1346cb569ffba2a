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

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

type Phase =
  | { at: 'idle' }
  | { at: 'sending'; progress: number }
  | { at: 'checking' }
  | { at: 'accepted'; model: UploadedModel; name: string }
  | { at: 'refused'; message: string; issues: UploadIssue[] };

export function ModelUpload() {
  const hasGenuine = useEditor((s) => !!documentOf(s)?.variants.some((v) => v.kind === 'genuine'));
  const [kind, setKind] = useState<VariantKind | null>(null);
  const [phase, setPhase] = useState<Phase>({ at: 'idle' });
  const [over, setOver] = useState(false);
  const chosenKind: VariantKind = kind ?? (hasGenuine ? 'counterfeit' : 'genuine');

  async function send(file: File) {
    setPhase({ at: 'sending', progress: 0 });
    try {
      const up = await uploadFile(file, (f) => setPhase({ at: 'sending', progress: f * 100 }), () => setPhase({ at: 'checking' }));
      if (up.kind !== 'model') throw new UploadRefused(`"${file.name}" is a photo: add it under Reference photos.`, []);
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
        <select aria-label="Kind of model" value={chosenKind} onChange={(e) => setKind(e.target.value as VariantKind)}>
          <option value="genuine" disabled={hasGenuine}>Genuine</option>
          <option value="counterfeit">Counterfeit</option>
        </select>
        <label className="button-link upload-button">
          Add model
          <input type="file" accept=".glb,.gltf,model/gltf-binary,model/gltf+json" aria-label="Model file (GLB or glTF)" disabled={busy} hidden onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void send(file);
          }} />
        </label>
      </div>
      <p className="tell-sub">or drop a GLB or glTF file here</p>
      {phase.at === 'sending' && <LoadingBar label="Uploading" progress={phase.progress} />}
      {phase.at === 'checking' && <LoadingBar label="Checking" />}
      {phase.at === 'accepted' && (
        <p className="upload-result" role="status">
          "{phase.name}" accepted: {formatSize(phase.model.original.bytes)} → {formatSize(phase.model.optimised.bytes)} after optimising.
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
