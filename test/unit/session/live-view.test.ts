import { describe, expect, it } from 'vitest';
import type { ParticipantView } from '../../../src/domain/live-protocol';
import { answeredCount, mergeView, parseQuestion, parseReveal, standingsOf } from '../../../src/session/live-view';
import { view } from './fake-room';

const person = (id: string, over: Partial<ParticipantView> = {}): ParticipantView => ({
  id,
  name: id,
  role: 'trainee',
  device: 'desktop',
  connected: true,
  answeredRound: false,
  points: 0,
  correct: 0,
  answered: 0,
  ...over,
});

describe('reading the room state', () => {
  it('ranks trainees (not the instructor) by points, right answers, then name', () => {
    const v = view({
      participants: {
        ines: person('ines', { role: 'instructor', points: 99 }),
        tess: person('tess', { points: 80, correct: 1 }),
        ana: person('ana', { points: 80, correct: 1 }),
        bo: person('bo', { points: 80, correct: 2 }),
        cy: person('cy', { points: 100 }),
      },
    });
    expect(standingsOf(v).map((p) => p.id)).toEqual(['cy', 'bo', 'ana', 'tess']);
    expect(standingsOf(null)).toEqual([]);
  });
  it('counts who answered this round among the trainees present', () => {
    const v = view({
      participants: { ines: person('ines', { role: 'instructor' }), a: person('a', { answeredRound: true }), b: person('b'), c: person('c', { connected: false, answeredRound: true }) },
    });
    expect(answeredCount(v)).toEqual({ answered: 2, present: 2 });
  });
  it('parses the question and reveal once per change, and null when empty or broken', () => {
    const q = JSON.stringify({ id: 'd1', kind: 'verdict', items: [] });
    const a = parseQuestion(q);
    expect(a?.id).toBe('d1');
    expect(parseQuestion(q)).toBe(a);
    expect(parseQuestion('')).toBeNull();
    expect(parseReveal('{oops')).toBeNull();
    expect(parseReveal(JSON.stringify({ revealed: [], tells: [] }))).toEqual({ revealed: [], tells: [] });
  });
});

describe('merging a patch into what the page shows', () => {
  it('keeps the same object when only the rotation changed (the instructor turning at 20 Hz)', () => {
    const a = view({ participants: { t: person('t') } });
    const b = view({ participants: { t: person('t') }, rotation: [0, 0.1, 0, 0.99] });
    expect(mergeView(a, b)).toBe(a);
  });
  it('gives a new state when a field changed, keeping participants that did not', () => {
    const a = view({ participants: { t: person('t'), u: person('u') } });
    const b = view({ phase: 'inspect', participants: { t: person('t'), u: person('u') } });
    const m = mergeView(a, b);
    expect(m).not.toBe(a);
    expect(m.phase).toBe('inspect');
    expect(m.participants.t).toBe(a.participants.t);
  });
  it('replaces a participant who answered, and notices one who left', () => {
    const a = view({ participants: { t: person('t'), u: person('u') } });
    const b = view({ participants: { t: person('t', { answeredRound: true }), u: person('u') } });
    const m = mergeView(a, b);
    expect(m.participants.t!.answeredRound).toBe(true);
    expect(m.participants.u).toBe(a.participants.u);
    const c = view({ participants: { t: person('t') } });
    expect(Object.keys(mergeView(a, c).participants)).toEqual(['t']);
  });
});
