/** The round header's product name follows the reader's language (the room only carries the English name). */
import { afterAll, describe, expect, it } from 'vitest';
import { roundProductName } from '../../../../src/app/live/round-product';
import { setLanguage } from '../../../../src/i18n/i18n';

const question = (id: string) => JSON.stringify({ id: 'q1', kind: 'verdict', product: { id, name: { en: 'Bramble Bear', es: 'Oso Bramble', fr: 'Ours Bramble' }, brand: 'B', category: 'toy', description: 'x' }, items: [] });

describe('roundProductName', () => {
  afterAll(() => setLanguage('en'));

  it("names the round's product in the reader's language", () => {
    const state = { question: question('bramble-bear'), productId: 'bramble-bear', productName: 'Bramble Bear' };
    setLanguage('es');
    expect(roundProductName(state)).toBe('Oso Bramble');
    setLanguage('fr');
    expect(roundProductName(state)).toBe('Ours Bramble');
    setLanguage('en');
    expect(roundProductName(state)).toBe('Bramble Bear');
  });

  it("falls back to the room's name before a round, or for another product than the question's", () => {
    setLanguage('es');
    expect(roundProductName({ question: '', productId: 'bramble-bear', productName: 'Bramble Bear' })).toBe('Bramble Bear');
    expect(roundProductName({ question: question('bramble-bear'), productId: 'sonique-pods-pro', productName: 'Sonique Pods Pro' })).toBe('Sonique Pods Pro');
  });
});
