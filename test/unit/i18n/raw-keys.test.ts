/** The browser tests' raw-key finder (test/e2e/support/raw-keys.ts): keys are found, words, addresses and files are not. */
import { describe, expect, it } from 'vitest';
import { NAMESPACES, rawKeysIn } from '../../e2e/support/raw-keys';

describe('rawKeysIn', () => {
  it('knows the namespaces from the locale files', () => expect(NAMESPACES).toEqual(expect.arrayContaining(['common', 'live', 'inspect'])));

  it('finds what i18next shows for a key it cannot resolve', () => {
    for (const phase of ['lobby', 'inspect', 'answer', 'reveal', 'leaderboard']) expect(rawKeysIn(`trainee.${phase}`)).toEqual([`trainee.${phase}`]);
    expect(rawKeysIn('live:traineePhase.lobby')).toEqual(['live:traineePhase.lobby']);
    expect(rawKeysIn('Round 2 · common:severity.major')).toEqual(['common:severity.major']);
    expect(rawKeysIn('Status: rec.noRounds')).toEqual(['rec.noRounds']);
  });

  it('leaves words, times, addresses, e-mails, files and numbers alone', () => {
    for (const text of [
      'Waiting for the instructor to start.',
      'Answers are open. Wait for the reveal.',
      'Note: 10:30 · 3.5 mm · 1,25 g',
      'tess@example.com',
      'Ines Instructor <ines@agency.test>',
      '127.0.0.1:5173/?page=live&code=K7P4QX9MZ',
      'https://twinspect.example/help',
      'Import pack.zip or product.json',
      'e.g. a UV lamp',
      'Manche 2 : Cabas Aurèle · Repérer le faux',
    ]) expect(rawKeysIn(text), text).toEqual([]);
  });
});
