import { describe, expect, it } from 'vitest';
import { Product } from '../../../src/domain/catalogue';
import { LocalTextSchema, ownText, textIn, withText } from '../../../src/domain/local-text';
import { loadPack } from '../../../src/server/catalogue/load-pack';
import { formatPackError } from '../../../src/server/catalogue/pack-error';
import { writeFixturePack } from '../server/fixture-pack';

describe('catalogue texts per language', () => {
  it('shows the current language, falling back to English', () => {
    const text = { en: 'Misspelt brand', es: 'Marca mal escrita' };
    expect(textIn(text, 'es')).toBe('Marca mal escrita');
    expect(textIn(text, 'es-MX')).toBe('Marca mal escrita');
    expect(textIn(text, 'fr')).toBe('Misspelt brand');
    expect(textIn({ en: 'A', fr: '  ' }, 'fr')).toBe('A');
    expect(textIn('Plain text', 'fr')).toBe('Plain text');
    expect(textIn(undefined, 'en')).toBe('');
  });

  it('accepts a plain string or an object with English, and trims', () => {
    expect(LocalTextSchema.parse('  Title ')).toBe('Title');
    expect(LocalTextSchema.parse({ en: 'Title', fr: ' Titre ' })).toEqual({ en: 'Title', fr: 'Titre' });
  });

  it('names the path of each bad translation', () => {
    const issues = (value: unknown) => LocalTextSchema.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ en: 'Title', es: 5 })).toEqual([['es', 'must be a string']]);
    expect(issues({ es: 'Título' })).toEqual([['en', 'is required: every text needs its English version']]);
    expect(issues({ en: 'Title', de: 'Titel' })).toEqual([['de', 'is not a language of the catalogue (en, es, fr)']]);
    expect(issues({ en: ' ' })).toEqual([['en', 'must not be empty']]);
    expect(issues(42)?.[0]?.[0]).toBe('');
  });

  it('edits one language and keeps the others (studio)', () => {
    expect(withText('Title', 'es', 'Título')).toEqual({ en: 'Title', es: 'Título' });
    expect(withText({ en: 'Title', es: 'Título' }, 'es', '')).toBe('Title');
    expect(withText({ en: 'Title', es: 'Título' }, 'en', 'New')).toEqual({ en: 'New', es: 'Título' });
    expect(ownText('Title', 'fr')).toBe('');
    expect(ownText({ en: 'Title', fr: 'Titre' }, 'fr')).toBe('Titre');
  });

  it('reports a bad language object in a pack with its file and full path', async () => {
    const dir = await writeFixturePack(undefined, (products) => {
      const tell = products[0]!.variants[1]!.tells[0]! as unknown as Record<string, unknown>;
      tell.title = { en: 'Wrong font', es: 12 };
    });
    const pack = await loadPack(dir);
    expect(pack.errors.map(formatPackError)).toContain('products/test-tote/product.json: variants[1].tells[0].title.es: must be a string');
  });

  it('loads translated texts in a pack and keeps them', async () => {
    const dir = await writeFixturePack(undefined, (products) => {
      (products[0] as { name: unknown }).name = { en: 'Tote', es: 'Bolso', fr: 'Sac' };
    });
    const pack = await loadPack(dir);
    expect(pack.errors).toEqual([]);
    expect(pack.products[0]!.name).toEqual({ en: 'Tote', es: 'Bolso', fr: 'Sac' });
    expect(Product.parse(pack.products[0]).name).toEqual({ en: 'Tote', es: 'Bolso', fr: 'Sac' });
  });
});

describe('the built-in catalogue', () => {
  it('has Spanish and French for every text of every product', async () => {
    const pack = await loadPack(new URL('../../../content', import.meta.url).pathname, { missingModels: 'warn' });
    expect(pack.errors).toEqual([]);
    const untranslated: string[] = [];
    const check = (where: string, text: unknown) => {
      if (text === undefined) return;
      if (typeof text !== 'object' || !text || !('es' in text) || !('fr' in text)) untranslated.push(where);
    };
    for (const p of pack.products) {
      check(`${p.id}.name`, p.name);
      check(`${p.id}.description`, p.description);
      p.photos.forEach((ph, i) => check(`${p.id}.photos[${i}]`, ph.caption));
      for (const v of p.variants) {
        for (const k of ['label', 'provenance', 'notes'] as const) check(`${p.id}.${v.id}.${k}`, v[k]);
        for (const t of v.tells) for (const k of ['title', 'genuine', 'counterfeit'] as const) check(`${p.id}.${v.id}.${t.id}.${k}`, t[k]);
      }
    }
    expect(pack.products.length).toBeGreaterThan(0);
    expect(untranslated).toEqual([]);
  });
});
