import { beforeEach, describe, expect, it } from 'vitest';
import { registerPicker, stageKeyboard, type KeyboardPicker, type PickerSubject } from '../../../src/scene/keyboard-store';

const picker = (subject: PickerSubject): KeyboardPicker => ({ subject, over: () => false, count: () => 0, locate: () => null });
const active = () => stageKeyboard.getState().picker?.subject ?? null;

describe('what the stage crosshair drives', () => {
  beforeEach(() => stageKeyboard.setState({ picker: null }));

  it("the examiner's tool takes the keys over a drill's pins while chosen, and gives them back", () => {
    const offRuler = registerPicker(picker('ruler'));
    // The drill's suspect registers after (a new drill while the ruler is in hand): the ruler keeps the keys, as it keeps the clicks.
    const offSuspect = registerPicker(picker('suspect'));
    expect(active()).toBe('ruler');
    offRuler();
    expect(active()).toBe('suspect');
    const offLoupe = registerPicker(picker('loupe'));
    expect(active()).toBe('loupe');
    offLoupe();
    offSuspect();
    expect(active()).toBeNull();
  });

  it('a new picker starts the crosshair at the centre with no pin chosen', () => {
    const off = registerPicker(picker('suspect'));
    stageKeyboard.setState({ cursor: { x: 0.2, y: 0.9 }, selected: 1 });
    const offRuler = registerPicker(picker('ruler'));
    expect(stageKeyboard.getState()).toMatchObject({ cursor: { x: 0.5, y: 0.5 }, selected: null });
    offRuler();
    off();
  });
});
