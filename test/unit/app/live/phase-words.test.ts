/**
 * The live session's phases in words, in every language: what a trainee reads about each phase, the
 * phase names and the instructor's buttons are sentences of live.json, never a key such as
 * "trainee.lobby" (which every trainee saw while `live:trainee` was the column header's text).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PHASE_BUTTONS, PHASE_NAME, PHASE_TRAINEE } from '../../../../src/app/live/phase-words';
import { PHASES } from '../../../../src/domain/live-protocol';
import { i18n, LANGUAGES, setLanguage } from '../../../../src/i18n/i18n';

const looksLikeKey = (s: string) => /^[\w-]+(:[\w.-]+|(\.[\w-]+)+)$/.test(s);

describe('phase words', () => {
  afterAll(() => setLanguage('en'));

  for (const lang of LANGUAGES) {
    it(`reads words, not keys, in ${lang}`, () => {
      setLanguage(lang);
      const seen = PHASES.flatMap((p) => [PHASE_TRAINEE[p], PHASE_NAME[p]]).concat(PHASE_BUTTONS.map((b) => b.label));
      for (const text of seen) {
        expect(looksLikeKey(text), `"${text}" in ${lang}`).toBe(false);
        expect(text.trim().length).toBeGreaterThan(2);
      }
      // Each phase has its own sentence for the trainee.
      expect(new Set(PHASES.map((p) => PHASE_TRAINEE[p])).size).toBe(PHASES.length);
    });
  }

  it('follows the language', () => {
    setLanguage('es');
    expect(PHASE_TRAINEE.lobby).toBe(i18n.getResource('es', 'live', 'traineePhase.lobby'));
    setLanguage('fr');
    expect(PHASE_TRAINEE.answer).toBe('Les réponses sont ouvertes.');
  });
});
