/**
 * An inspection: the product's genuine model on the stage (desktop, phone, AR/VR as on the comparison
 * page), with a marker at each check, beside the record: the statement, the reference and notes, the
 * tally, the exports, the rights holder's contact, and the checklist most telling first.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { genuineOf } from '../../domain/catalogue';
import type { TellMark } from '../../domain/inspection';
import { useLocalText } from '../../i18n/text';
import { InspectionItem } from '../../scene/InspectionItem';
import { PairProbe } from '../../scene/PairProbe';
import { renderQuality } from '../../scene/render-quality';
import { Stage } from '../../scene/Stage';
import { cameraScanLinks } from '../camera-scan-links';
import { resetTurntables } from '../../scene/turntable';
import { compareActions, compareStore, useCompare } from '../../scene/state/compare-store';
import { LoadingBar } from '../LoadingBar';
import { navigate } from '../route';
import { useSession } from '../session';
import { StageLoading } from '../StageLoading';
import { Toolbar } from '../Toolbar';
import { CheckCard } from './CheckCard';
import { checklistView, withMark } from './checklist-view';
import type { ShownPhoto } from './PhotoAdd';
import { Exports, OpenChecks, RecordText, SaveLine, TallyBar, VerificationBox } from './RecordHeader';
import { useSyncStatus } from './sync';
import { saveState } from './sync-queue';
import { StageBoundary } from './StageBoundary';
import { useInspection } from './use-inspection';
import './inspect.css';

export function InspectionView({ productId, recordId }: { productId: string; recordId: string }) {
  const { t } = useTranslation('inspect');
  const text = useLocalText();
  const { user } = useSession();
  const { loaded, input, local, photos, edit, addPhoto } = useInspection(productId, recordId, user);
  const blocked = useSyncStatus((s) => s.blocked !== null);
  const selected = useCompare((s) => s.selectedTellId);
  const product = loaded.at === 'own' || loaded.at === 'read-only' ? loaded.product : null;
  const readOnly = loaded.at !== 'own';
  const marks = loaded.at === 'read-only' ? loaded.record.marks : input?.marks ?? [];

  useEffect(() => {
    if (!product) return;
    resetTurntables();
    compareActions.open(product, null, 'A');
    compareStore.setState({ showTells: true, linkViews: false });
    return () => compareActions.close();
  }, [product]);

  const shown: ShownPhoto[] = useMemo(() => {
    if (loaded.at === 'read-only') return loaded.record.photos.map((p) => ({ id: p.id, caption: p.caption, url: p.url, sent: true, locationKept: p.locationKept, check: p.check }));
    return photos.map((p) => ({ id: p.id, caption: p.caption, blob: p.blob, sent: p.sent, locationKept: p.keepLocation, refused: p.refused, check: p.check }));
  }, [loaded, photos]);
  const view = useMemo(() => (product ? checklistView(product, marks) : null), [product, marks]);

  if (loaded.at === 'error') {
    return (
      <main className="page">
        <p role="alert" className="error">{loaded.message}</p>
        <button type="button" onClick={() => navigate({ page: 'inspect' })}>{t('back')}</button>
      </main>
    );
  }
  if (!product || !view || (loaded.at === 'own' && !input)) return <main className="page"><LoadingBar label={t('loadingRecord')} /></main>;

  // The page's own copy is the newest: an edit not yet written to the device already waits to be sent.
  const state = loaded.at === 'read-only' ? 'synced' : saveState(local && input ? { ...local, input } : local, photos);
  const synced = loaded.at === 'read-only' || (state === 'synced' && local?.sentUpdatedAt != null);
  const photosOf = (key: string) => shown.filter((p) => p.check === key);
  const setMark = (check: string, mark: TellMark) => edit((r) => ({ ...r, marks: withMark(r.marks, check, { mark }) }));
  const setNote = (check: string, note: string) => edit((r) => ({ ...r, marks: withMark(r.marks, check, { note }) }));
  const reference = loaded.at === 'read-only' ? loaded.record.reference : input!.reference;
  const notes = loaded.at === 'read-only' ? loaded.record.notes : input!.notes;

  return (
    <main className="compare inspect-view">
      <section className="stage-area" aria-label={t('stageLabel', { name: text(product.name) })}>
        <Toolbar single />
        {renderQuality().webgl ? (
          <StageBoundary fallback={<p role="alert" className="no-webgl">{t('modelUnavailable')}</p>}>
            <Stage cameraScan={cameraScanLinks}>
              <InspectionItem genuine={genuineOf(product)} checks={view.rows.map((r) => r.check)} />
              <PairProbe />
            </Stage>
          </StageBoundary>
        ) : (
          <p role="alert" className="no-webgl">{t('noWebgl')}</p>
        )}
        <StageLoading />
      </section>
      <aside className="side-panel inspect-panel" aria-label={t('recordLabel')}>
        <button type="button" className="link" onClick={() => navigate({ page: 'inspect' })}>{t('allRecords')}</button>
        <h1 className="product-title">{t('heading', { name: text(product.name) })}</h1>
        {loaded.at === 'read-only' && <p className="tell-sub">{t('readOnlyBy', { name: loaded.record.officer.displayName })}</p>}
        <p className="inspect-statement" data-testid="statement">{t('statement')}</p>
        <RecordText label={t('reference')} value={reference} readOnly={readOnly} maxLength={200} onChange={(v) => edit((r) => ({ ...r, reference: v }))} />
        <RecordText label={t('notes')} value={notes} readOnly={readOnly} multiline maxLength={10_000} onChange={(v) => edit((r) => ({ ...r, notes: v }))} />
        <TallyBar view={view} />
        <OpenChecks view={view} />
        {loaded.at === 'own' && local && <SaveLine state={state} blocked={blocked} />}
        {local?.refused && <p role="alert" className="error">{local.refused}</p>}
        <Exports recordId={recordId} ready={synced} />
        <VerificationBox contact={product.verification} />
        <h2 className="checklist-heading">{t('checklist', { count: view.rows.length })}</h2>
        <ol className="checklist" aria-label={t('checklistLabel')}>
          {view.rows.map((row) => (
            <CheckCard key={row.check.key} row={row} selected={selected === row.check.key} readOnly={readOnly} photos={photosOf(row.check.key)} onMark={setMark} onNote={setNote} onPhoto={(check, file, caption, keep) => void addPhoto(file, check, caption, keep)} />
          ))}
        </ol>
      </aside>
    </main>
  );
}
