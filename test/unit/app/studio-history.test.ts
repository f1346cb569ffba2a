import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, historyOf, pushEdit, redo, undo } from '../../../src/app/studio/history';

describe('studio undo/redo history', () => {
  it('undoes and redoes edits in order', () => {
    let h = historyOf({ tells: 0 });
    h = pushEdit(h, { tells: 1 });
    h = pushEdit(h, { tells: 2 });
    expect(canUndo(h)).toBe(true);
    expect(canRedo(h)).toBe(false);
    h = undo(h);
    expect(h.present).toEqual({ tells: 1 });
    h = undo(h);
    expect(h.present).toEqual({ tells: 0 });
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toEqual({ tells: 2 });
    expect(redo(h)).toBe(h);
  });

  it('drops the redo list when a new edit follows an undo', () => {
    let h = pushEdit(pushEdit(historyOf('a'), 'b'), 'c');
    h = pushEdit(undo(h), 'd');
    expect(h.present).toBe('d');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('b');
  });

  it('ignores an edit that returns the same document', () => {
    const doc = { name: 'Aurel tote' };
    const h = historyOf(doc);
    expect(pushEdit(h, doc)).toBe(h);
  });

  it('keeps at most the limit of past documents, dropping the oldest', () => {
    let h = historyOf(0);
    for (let i = 1; i <= 5; i++) h = pushEdit(h, i, 3);
    expect(h.past).toEqual([2, 3, 4]);
  });
});
