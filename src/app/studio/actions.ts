/**
 * The studio's commands as registered actions (excalidraw's pattern): one list that the menus, the
 * buttons, the keyboard handler, a click on the model and the tests all run, so each command is
 * written once. `perform` takes a picked surface point where the command is a click on the model.
 */
import type { ProductDraft } from '../../domain/catalogue';
import { deleteTell, placeTell, surfacePointOf, updateTell, type PickedPoint } from './document-edits';
import { documentOf, editorActions, editorStore, type EditorState } from './editor-store';
import { canRedo, canUndo } from './history';
import { unfinishedParts } from '../../domain/draft-readiness';

export type ActionName = 'placeTell' | 'moveTell' | 'linkToGenuine' | 'deleteTell' | 'undo' | 'redo' | 'saveDraft' | 'submitForReview';

export interface StudioAction {
  /** Also its words: the studio namespace's `actions.<name>`. */
  name: ActionName;
  /** The shortcut, shown in menus. */
  keys?: string;
  keyTest?: (e: KeyboardEvent) => boolean;
  /** Whether it can run now (buttons are disabled otherwise). */
  enabled: (s: EditorState) => boolean;
  perform: (point?: PickedPoint) => void | Promise<void>;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
const key = (e: KeyboardEvent, k: string) => e.key.toLowerCase() === k;
const writable = (s: EditorState) => !!s.history && s.status !== 'in_review';
const variantOf = (s: EditorState) => documentOf(s)?.variants.find((v) => v.id === s.variantId);
const onCounterfeit = (s: EditorState) => writable(s) && variantOf(s)?.kind === 'counterfeit';
const tellOf = (doc: ProductDraft, variantId: string | null, tellId: string | null) =>
  doc.variants.find((v) => v.id === variantId)?.tells.find((t) => t.id === tellId);
const genuineOf = (s: EditorState) => documentOf(s)?.variants.find((v) => v.kind === 'genuine');

export const ACTIONS: readonly StudioAction[] = [
  {
    name: 'placeTell',
    keys: 'P',
    keyTest: (e) => plain(e) && key(e, 'p'),
    enabled: onCounterfeit,
    perform(point) {
      const s = editorStore.getState();
      if (!point) return editorActions.setMode('place');
      if (!onCounterfeit(s) || !s.variantId) return;
      let placed = '';
      editorActions.edit((doc) => {
        const r = placeTell(doc, s.variantId!, point);
        placed = r.tellId;
        return r.doc;
      });
      if (placed) editorActions.selectTell(placed);
    },
  },
  {
    name: 'moveTell',
    keys: 'M',
    keyTest: (e) => plain(e) && key(e, 'm'),
    enabled: (s) => onCounterfeit(s) && !!s.tellId,
    perform(point) {
      const s = editorStore.getState();
      if (!point) return editorActions.setMode('move');
      if (!onCounterfeit(s) || !s.tellId) return;
      editorActions.edit((doc) => updateTell(doc, s.variantId!, s.tellId!, { at: surfacePointOf(point) }));
    },
  },
  {
    name: 'linkToGenuine',
    keys: 'L',
    keyTest: (e) => plain(e) && key(e, 'l'),
    enabled: (s) => (s.mode === 'link' || (onCounterfeit(s) && !!s.tellId)) && !!genuineOf(s),
    perform(point) {
      const s = editorStore.getState();
      const genuine = genuineOf(s);
      if (!genuine || !writable(s)) return;
      if (!point) {
        if (!onCounterfeit(s) || !s.tellId) return;
        editorStore.setState({ mode: 'link', linkFrom: s.variantId, variantId: genuine.id });
        return;
      }
      if (s.mode !== 'link' || !s.linkFrom || !s.tellId) return;
      const from = s.linkFrom;
      editorActions.edit((doc) => updateTell(doc, from, s.tellId!, { genuineAt: surfacePointOf(point) }));
      editorStore.setState({ mode: 'place', linkFrom: null, variantId: from });
    },
  },
  {
    name: 'deleteTell',
    keys: 'Delete',
    keyTest: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace'),
    enabled: (s) => onCounterfeit(s) && !!s.tellId,
    perform() {
      const s = editorStore.getState();
      const doc = documentOf(s);
      if (!doc || !tellOf(doc, s.variantId, s.tellId) || !writable(s)) return;
      editorActions.edit((d) => deleteTell(d, s.variantId!, s.tellId!));
      editorActions.selectTell(null);
    },
  },
  {
    name: 'undo',
    keys: 'Ctrl+Z',
    keyTest: (e) => mod(e) && !e.shiftKey && key(e, 'z'),
    enabled: (s) => writable(s) && !!s.history && canUndo(s.history),
    perform: () => editorActions.undo(),
  },
  {
    name: 'redo',
    keys: 'Ctrl+Shift+Z',
    keyTest: (e) => mod(e) && ((e.shiftKey && key(e, 'z')) || (!e.shiftKey && key(e, 'y'))),
    enabled: (s) => writable(s) && !!s.history && canRedo(s.history),
    perform: () => editorActions.redo(),
  },
  {
    name: 'saveDraft',
    keys: 'Ctrl+S',
    keyTest: (e) => mod(e) && !e.shiftKey && key(e, 's'),
    enabled: (s) => writable(s) && s.save !== 'saved',
    perform: () => editorActions.save(),
  },
  {
    name: 'submitForReview',
    // Refused while a required text or the weight is missing (the side panel lists what): the server refuses it too.
    enabled: (s) => writable(s) && unfinishedParts(documentOf(s)!).length === 0,
    perform: () => editorActions.submit(),
  },
];

export function actionNamed(name: ActionName): StudioAction {
  return ACTIONS.find((a) => a.name === name)!;
}

/** Runs an action if it can run now; returns whether it ran. */
export function runAction(name: ActionName, point?: PickedPoint): boolean {
  const action = actionNamed(name);
  if (!point && !action.enabled(editorStore.getState())) return false;
  void action.perform(point);
  return true;
}

/** A click on the model's surface: what it does depends on the click mode. */
export function pickOnModel(point: PickedPoint): void {
  const { mode } = editorStore.getState();
  runAction(mode === 'link' ? 'linkToGenuine' : mode === 'move' ? 'moveTell' : 'placeTell', point);
}

/** The keyboard handler: the first action whose keyTest matches runs; typing in a field is left alone (except Ctrl/Cmd shortcuts). */
export function handleStudioKey(e: KeyboardEvent): void {
  const t = e.target as HTMLElement | null;
  const typing = !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
  if (typing && !mod(e)) return;
  const action = ACTIONS.find((a) => a.keyTest?.(e));
  if (!action) return;
  e.preventDefault();
  runAction(action.name);
}
