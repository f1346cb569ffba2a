import { afterEach, describe, expect, it } from 'vitest';
import type { ProductDraft } from '../../../src/domain/catalogue';
import { ProductDraft as DraftSchema } from '../../../src/domain/catalogue';
import { ACTIONS, handleStudioKey, pickOnModel, runAction } from '../../../src/app/studio/actions';
import { documentOf, editorActions, editorStore } from '../../../src/app/studio/editor-store';
import { historyOf } from '../../../src/app/studio/history';

const MODEL = `files/${'a'.repeat(64)}.glb`;
const draft: ProductDraft = {
  id: 'aurel-tote',
  name: 'Aurel tote',
  brand: 'Aurel',
  category: 'handbag',
  hsCode: '4202.21',
  description: 'A leather tote.',
  cocoClasses: ['handbag'],
  photos: [],
  variants: [
    { id: 'genuine', kind: 'genuine', label: 'Genuine', model: MODEL, weightGrams: 900, provenance: 'Rights holder', tells: [] },
    { id: 'counterfeit-a', kind: 'counterfeit', label: 'Counterfeit A', model: MODEL, weightGrams: 700, provenance: 'Seizure', tells: [] },
  ],
};

function open(variantId = 'counterfeit-a') {
  editorStore.setState({ history: historyOf(draft), status: 'draft', version: 1, variantId, tellId: null, mode: 'place', linkFrom: null, save: 'saved', error: null });
}
const press = (key: string, mods: { ctrlKey?: boolean; shiftKey?: boolean } = {}) =>
  handleStudioKey({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods, target: null, preventDefault() {} } as unknown as KeyboardEvent);
const tells = () => documentOf()!.variants[1]!.tells;

afterEach(() => editorActions.close());

describe('studio actions', () => {
  it('places a tell where the model was clicked, with its point, normal and node, as a valid draft', () => {
    open();
    pickOnModel({ position: [0.01, 0.12, 0.03], normal: [0, 0, 1], node: 'clasp' });
    expect(tells()).toHaveLength(1);
    expect(tells()[0]!.at).toEqual({ position: [0.01, 0.12, 0.03], normal: [0, 0, 1], node: 'clasp' });
    expect(editorStore.getState().tellId).toBe(tells()[0]!.id);
    expect(editorStore.getState().save).toBe('unsaved');
    expect(DraftSchema.safeParse(documentOf()).success).toBe(true);
  });

  it('places no tell on the genuine model', () => {
    open('genuine');
    pickOnModel({ position: [0, 0, 0], normal: [0, 1, 0], node: 'body' });
    expect(documentOf()!.variants[0]!.tells).toHaveLength(0);
  });

  it('undoes and redoes from the keyboard, and deletes the selected tell', () => {
    open();
    pickOnModel({ position: [0, 0.1, 0], normal: [0, 1, 0], node: 'a' });
    pickOnModel({ position: [0, 0.2, 0], normal: [0, 1, 0], node: 'b' });
    press('z', { ctrlKey: true });
    expect(tells()).toHaveLength(1);
    press('Z', { ctrlKey: true, shiftKey: true });
    expect(tells()).toHaveLength(2);
    press('Delete');
    expect(tells().map((t) => t.at.node)).toEqual(['a']);
    press('y', { ctrlKey: true });
    expect(tells()).toHaveLength(1);
  });

  it('moves the selected tell and links it to a point on the genuine', () => {
    open();
    pickOnModel({ position: [0, 0.1, 0], normal: [0, 1, 0], node: 'a' });
    press('m');
    pickOnModel({ position: [0, 0.15, 0], normal: [1, 0, 0], node: 'strap' });
    expect(tells()[0]!.at.node).toBe('strap');
    expect(runAction('linkToGenuine')).toBe(true);
    expect(editorStore.getState().variantId).toBe('genuine');
    pickOnModel({ position: [0, 0.16, 0], normal: [1, 0, 0], node: 'strap-genuine' });
    expect(tells()[0]!.genuineAt.node).toBe('strap-genuine');
    expect(editorStore.getState()).toMatchObject({ variantId: 'counterfeit-a', mode: 'place' });
  });

  it('changes nothing while the product is in review', () => {
    open();
    editorStore.setState({ status: 'in_review' });
    pickOnModel({ position: [0, 0.1, 0], normal: [0, 1, 0], node: 'a' });
    expect(tells()).toHaveLength(0);
    expect(ACTIONS.filter((a) => a.enabled(editorStore.getState())).map((a) => a.name)).toEqual([]);
  });
});
