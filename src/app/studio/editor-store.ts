/**
 * The product editor's state, outside React: the document's undo/redo history, the variant and tell in
 * hand, what a click on the model does (place, move, link), and the saving state. Every change goes
 * through `edit`, so undo, redo and the autosave see all of them.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ProductDraft } from '../../domain/catalogue';
import { ApiError, type FieldIssue } from '../api';
import { canRedo, canUndo, historyOf, pushEdit, redo, undo, type History } from './history';
import { studioApi, type ProductRecord, type VersionStatus } from './studio-api';
import { i18n } from '../../i18n/i18n';

/** What a click on the model's surface does. */
export type ClickMode = 'place' | 'move' | 'link';
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error';

export interface EditorState {
  history: History<ProductDraft> | null;
  status: VersionStatus | null;
  version: number | null;
  comments: ProductRecord['comments'];
  variantId: string | null;
  tellId: string | null;
  mode: ClickMode;
  /** While linking: the counterfeit whose selected tell gets the genuine point clicked next. */
  linkFrom: string | null;
  save: SaveState;
  /** The server's last refusal, with its field paths. */
  error: { message: string; issues: FieldIssue[] } | null;
  notice: string | null;
}

const initial: EditorState = {
  history: null, status: null, version: null, comments: [], variantId: null, tellId: null, mode: 'place', linkFrom: null, save: 'saved', error: null, notice: null,
};

export const editorStore = createStore<EditorState>(() => initial);
export const useEditor = <T>(select: (s: EditorState) => T) => useStore(editorStore, select);
export const documentOf = (s: EditorState = editorStore.getState()) => s.history?.present ?? null;

/** Edits are saved this long after the last one (Ctrl+S saves at once). */
export const AUTOSAVE_MS = 800;
let timer: ReturnType<typeof setTimeout> | undefined;
let saving: Promise<void> = Promise.resolve();

function scheduleSave() {
  clearTimeout(timer);
  timer = setTimeout(() => void editorActions.save(), AUTOSAVE_MS);
}

function failed(e: unknown) {
  const err = e instanceof ApiError ? e : null;
  editorStore.setState({ error: { message: e instanceof Error ? e.message : String(e), issues: err?.issues ?? [] } });
}

const editable = () => {
  const s = editorStore.getState().status;
  return s === 'draft' || s === 'returned' || s === 'published' || s === 'superseded';
};

export const editorActions = {
  async open(productId: string): Promise<void> {
    clearTimeout(timer);
    editorStore.setState(initial);
    const record = await studioApi.get(productId);
    const doc = record.latest.document;
    editorStore.setState({
      history: historyOf(doc),
      status: record.latest.status,
      version: record.latest.version,
      comments: record.comments,
      variantId: doc.variants.find((v) => v.kind === 'counterfeit')?.id ?? doc.variants[0]?.id ?? null,
    });
  },
  close(): void {
    clearTimeout(timer);
    editorStore.setState(initial);
  },
  /** Applies an edit to the document (one undo step) and schedules the autosave. */
  edit(change: (doc: ProductDraft) => ProductDraft): void {
    const { history } = editorStore.getState();
    if (!history || !editable()) return;
    const next = pushEdit(history, change(history.present));
    if (next === history) return;
    editorStore.setState({ history: next, save: 'unsaved' });
    scheduleSave();
  },
  undo(): void {
    const { history } = editorStore.getState();
    if (!history || !canUndo(history) || !editable()) return;
    editorStore.setState({ history: undo(history), save: 'unsaved' });
    scheduleSave();
  },
  redo(): void {
    const { history } = editorStore.getState();
    if (!history || !canRedo(history) || !editable()) return;
    editorStore.setState({ history: redo(history), save: 'unsaved' });
    scheduleSave();
  },
  /** Sends the whole document; one save at a time, the latest document wins. */
  save(): Promise<void> {
    clearTimeout(timer);
    saving = saving.then(async () => {
      const s = editorStore.getState();
      const doc = documentOf(s);
      if (!doc || s.save === 'saved') return;
      editorStore.setState({ save: 'saving' });
      try {
        const v = await studioApi.saveDraft(doc);
        const now = editorStore.getState();
        editorStore.setState({ save: documentOf(now) === doc ? 'saved' : 'unsaved', status: v.status, version: v.version, error: null });
      } catch (e) {
        editorStore.setState({ save: 'error' });
        failed(e);
      }
    });
    return saving;
  },
  async submit(): Promise<void> {
    const doc = documentOf();
    if (!doc) return;
    await editorActions.save();
    if (editorStore.getState().save === 'error') return;
    try {
      const v = await studioApi.submit(doc.id);
      editorStore.setState({ status: v.status, version: v.version, error: null, notice: i18n.t('studio:sentForReview') });
    } catch (e) {
      failed(e);
    }
  },
  selectVariant: (variantId: string | null) => editorStore.setState({ variantId, tellId: null, mode: 'place', linkFrom: null }),
  selectTell: (tellId: string | null) => editorStore.setState({ tellId }),
  setMode: (mode: ClickMode) => editorStore.setState({ mode }),
  dismissError: () => editorStore.setState({ error: null }),
};
