import { describe, expect, it } from 'vitest';
import { i18n, isLanguage, preferredLanguage, setLanguage } from '../../../src/i18n/i18n';

describe('preferredLanguage', () => {
  it('takes the language chosen before on this device', () => {
    expect(preferredLanguage('fr', ['es-ES', 'en'])).toBe('fr');
  });
  it('ignores a stored value that is not one of ours', () => {
    expect(preferredLanguage('de', ['es-ES'])).toBe('es');
    expect(preferredLanguage('', ['fr-CA'])).toBe('fr');
  });
  it("takes the browser's first language that we have, by its base tag", () => {
    expect(preferredLanguage(null, ['de-DE', 'fr-BE', 'es'])).toBe('fr');
    expect(preferredLanguage(null, ['ES-mx'])).toBe('es');
  });
  it('falls back to English', () => {
    expect(preferredLanguage(null, [])).toBe('en');
    expect(preferredLanguage(null, ['de', 'pt-BR'])).toBe('en');
  });
  it('knows its languages', () => {
    expect(['en', 'es', 'fr', 'de', 1].map(isLanguage)).toEqual([true, true, true, false, false]);
  });
});

describe('the i18next instance', () => {
  it('translates with plurals per language and falls back to English', async () => {
    setLanguage('es');
    expect(i18n.t('catalogue:tells', { count: 1 })).toBe('1 indicio');
    expect(i18n.t('catalogue:tells', { count: 3 })).toBe('3 indicios');
    setLanguage('fr');
    expect(i18n.t('catalogue:counterfeits', { count: 0 })).toBe('0 contrefaçon');
    expect(i18n.t('catalogue:counterfeits', { count: 2 })).toBe('2 contrefaçons');
    setLanguage('en');
    expect(i18n.t('catalogue:tells', { count: 1 })).toBe('1 tell');
    expect(i18n.t('nav:study')).toBe('Study');
  });
});
