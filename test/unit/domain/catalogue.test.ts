import { describe, expect, it } from 'vitest';
import {
  PackManifest,
  Product,
  counterfeitsOf,
  genuineOf,
  tellCategoriesOf,
  type Product as ProductT,
} from '../../../src/domain/catalogue';

/** A valid product, built here so the domain test does not lean on server fixtures. */
function product(): ProductT {
  const point = (node: string, y: number) => ({ position: [0, y, 0] as [number, number, number], normal: [0, 1, 0] as [number, number, number], node });
  const tell = (id: string, category: ProductT['variants'][number]['tells'][number]['category']) => ({
    id,
    title: `Tell ${id}`,
    category,
    iso: 'overt' as const,
    tool: 'loupe' as const,
    genuine: 'Even stitches, 8 per inch.',
    counterfeit: 'Uneven stitches, 5 per inch.',
    severity: 'major' as const,
    tolerance: 0.02,
    at: point('body', 0.2),
    genuineAt: point('body', 0.2),
  });
  return {
    id: 'aurel-tote',
    name: 'Aurel Tote',
    brand: 'Aurel',
    category: 'handbag',
    hsCode: '4202.21',
    description: 'A leather tote.',
    cocoClasses: ['handbag', 'suitcase'],
    photos: [{ file: 'photos/front.jpg', caption: 'Front' }],
    variants: [
      { id: 'genuine', kind: 'genuine', label: 'Genuine', model: 'models/genuine.glb', weightGrams: 800, provenance: 'Rights holder', tells: [] },
      {
        id: 'fake-1',
        kind: 'counterfeit',
        label: 'Counterfeit 1',
        model: 'models/fake-1.glb',
        weightGrams: 610,
        provenance: 'Seizure 2024',
        notes: 'Lighter leather.',
        tells: [tell('stitching', 'stitching-construction'), tell('logo', 'logo-typography')],
      },
      { id: 'fake-2', kind: 'counterfeit', label: 'Counterfeit 2', model: 'models/fake-2.glb', weightGrams: 640, provenance: 'Seizure 2025', tells: [tell('hologram', 'security-feature')] },
    ],
  };
}

type Issue = { path: string; message: string };
const path = (segments: ReadonlyArray<PropertyKey>) =>
  segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`)).join('');

function issues(edit: (p: any) => void): Issue[] {
  const p: any = structuredClone(product());
  edit(p);
  const result = Product.safeParse(p);
  return result.success ? [] : result.error.issues.map((i) => ({ path: path(i.path), message: i.message }));
}

describe('Product schema', () => {
  it('accepts a valid product and round-trips through JSON unchanged', () => {
    const parsed = Product.parse(product());
    const again = Product.parse(JSON.parse(JSON.stringify(parsed)));
    expect(again).toEqual(parsed);
    expect(parsed).toEqual(product());
  });

  it('accepts every HS code shape: 4, 6, 8 and 10 digits, with or without dots', () => {
    for (const hsCode of ['4202', '4202.21', '420221', '4202.21.00', '8504.40.95.10']) {
      expect(issues((p) => (p.hsCode = hsCode))).toEqual([]);
    }
  });

  const cases: Array<[string, (p: any) => void, Issue[]]> = [
    ['a product id that is not lower-case words', (p) => (p.id = 'Aurel_Tote'), [{ path: 'id', message: 'must be lower-case words joined by "-", e.g. "aurel-tote"' }]],
    ['a tell id with a trailing dash', (p) => (p.variants[1].tells[0].id = 'stitch-'), [{ path: 'variants[1].tells[0].id', message: 'must be lower-case words joined by "-", e.g. "aurel-tote"' }]],
    ['an unknown category', (p) => (p.category = 'weapon'), [{ path: 'category', message: expect.stringContaining('Invalid option: expected one of "handbag"|"footwear"') }]],
    ['an unknown tell category', (p) => (p.variants[1].tells[0].category = 'smell'), [{ path: 'variants[1].tells[0].category', message: expect.stringContaining('"logo-typography"') }]],
    ['an unknown ISO class', (p) => (p.variants[1].tells[0].iso = 'magic'), [{ path: 'variants[1].tells[0].iso', message: 'Invalid option: expected one of "overt"|"covert"|"forensic"' }]],
    ['an unknown tool', (p) => (p.variants[1].tells[0].tool = 'x-ray'), [{ path: 'variants[1].tells[0].tool', message: expect.stringContaining('"naked-eye"|"loupe"|"uv"|"measure"|"weight"') }]],
    ['an unknown severity', (p) => (p.variants[1].tells[0].severity = 'fatal'), [{ path: 'variants[1].tells[0].severity', message: 'Invalid option: expected one of "minor"|"major"|"critical"' }]],
    ['a normal that is not of unit length', (p) => (p.variants[1].tells[0].at.normal = [0, 2, 0]), [{ path: 'variants[1].tells[0].at.normal', message: 'must be a unit vector (length 1)' }]],
    ['a genuine-side normal of zero length', (p) => (p.variants[2].tells[0].genuineAt.normal = [0, 0, 0]), [{ path: 'variants[2].tells[0].genuineAt.normal', message: 'must be a unit vector (length 1)' }]],
    ['a position with two numbers', (p) => (p.variants[1].tells[0].at.position = [0, 1]), [{ path: 'variants[1].tells[0].at.position', message: 'Too small: expected array to have >=3 items' }]],
    ['a position holding text', (p) => (p.variants[1].tells[0].at.position = [0, 'up', 0]), [{ path: 'variants[1].tells[0].at.position[1]', message: 'Invalid input: expected number, received string' }]],
    ['an empty node name', (p) => (p.variants[1].tells[0].at.node = ' '), [{ path: 'variants[1].tells[0].at.node', message: 'must not be empty' }]],
    ['a tolerance over 0.2 m', (p) => (p.variants[1].tells[0].tolerance = 0.5), [{ path: 'variants[1].tells[0].tolerance', message: 'Too big: expected number to be <=0.2' }]],
    ['a zero tolerance', (p) => (p.variants[1].tells[0].tolerance = 0), [{ path: 'variants[1].tells[0].tolerance', message: 'Too small: expected number to be >0' }]],
    ['a negative weight', (p) => (p.variants[1].weightGrams = -5), [{ path: 'variants[1].weightGrams', message: 'enter the weight a scale shows, in grams' }]],
    ['an unknown variant kind', (p) => (p.variants[1].kind = 'replica'), [{ path: 'variants[1].kind', message: 'Invalid option: expected one of "genuine"|"counterfeit"' }]],
    ['an empty name', (p) => (p.name = '   '), [{ path: 'name', message: 'must not be empty' }]],
    ['a missing brand', (p) => delete p.brand, [{ path: 'brand', message: 'Invalid input: expected string, received undefined' }]],
    ['a bad HS code', (p) => (p.hsCode = '42.02'), [{ path: 'hsCode', message: 'must be an HS code like "4202.21"' }]],
    ['an HS code with 5 digits', (p) => (p.hsCode = '42022'), [{ path: 'hsCode', message: 'must be an HS code like "4202.21"' }]],
    ['a class COCO-SSD does not know', (p) => (p.cocoClasses = ['handbag', 'purse']), [{ path: 'cocoClasses[1]', message: 'is not a COCO-SSD class' }]],
    ['no COCO class at all', (p) => (p.cocoClasses = []), [{ path: 'cocoClasses', message: 'Too small: expected array to have >=1 items' }]],
    ['a model path that climbs out of the pack', (p) => (p.variants[0].model = '../other/genuine.glb'), [{ path: 'variants[0].model', message: 'must be a relative path inside the pack' }]],
    ['a model path hidden in the middle', (p) => (p.variants[0].model = 'models/../../x.glb'), [{ path: 'variants[0].model', message: 'must be a relative path inside the pack' }]],
    ['an absolute model path', (p) => (p.variants[0].model = '/etc/genuine.glb'), [{ path: 'variants[0].model', message: 'must be a relative path inside the pack' }]],
    ['a Windows model path', (p) => (p.variants[0].model = 'models\\genuine.glb'), [{ path: 'variants[0].model', message: 'must be a relative path inside the pack' }]],
    ['a model that is not a GLB', (p) => (p.variants[0].model = 'models/genuine.gltf'), [{ path: 'variants[0].model', message: 'must name a .glb file' }]],
    ['a photo that is a GIF', (p) => (p.photos[0].file = 'photos/front.gif'), [{ path: 'photos[0].file', message: 'must name a JPEG, PNG or WebP file' }]],
    ['a photo without caption', (p) => (p.photos[0].caption = ''), [{ path: 'photos[0].caption', message: 'must not be empty' }]],
    ['a single variant', (p) => (p.variants = [p.variants[0]]), [{ path: 'variants', message: 'Too small: expected array to have >=2 items' }]],
    ['no genuine variant', (p) => (p.variants[0] = { ...p.variants[1], id: 'fake-0' }), [{ path: 'variants', message: 'must have exactly one genuine variant, found 0' }]],
    ['two genuine variants', (p) => (p.variants[2] = { ...p.variants[0], id: 'genuine-2' }), [{ path: 'variants', message: 'must have exactly one genuine variant, found 2' }]],
    ['a genuine variant with tells', (p) => (p.variants[0].tells = p.variants[2].tells), [{ path: 'variants[0].tells', message: 'a genuine variant has no tells' }]],
    ['a counterfeit without tells', (p) => (p.variants[2].tells = []), [{ path: 'variants[2].tells', message: 'a counterfeit needs at least one tell' }]],
    ['two variants with one id', (p) => (p.variants[2].id = 'fake-1'), [{ path: 'variants[2].id', message: 'duplicate variant id "fake-1"' }]],
    ['two tells with one id in a variant', (p) => (p.variants[1].tells[1].id = 'stitching'), [{ path: 'variants[1].tells[1].id', message: 'duplicate tell id "stitching"' }]],
  ];

  it.each(cases)('rejects %s, naming the path', (_name, edit, expected) => {
    expect(issues(edit)).toEqual(expected);
  });

  it('reports every problem at once, not only the first', () => {
    const found = issues((p) => {
      p.id = 'X';
      p.hsCode = '1';
      p.variants[1].tells[0].at.normal = [1, 1, 1];
    });
    expect(found.map((i) => i.path)).toEqual(['id', 'hsCode', 'variants[1].tells[0].at.normal']);
  });

  it('allows the same tell id in two different counterfeits', () => {
    expect(issues((p) => (p.variants[2].tells[0].id = 'stitching'))).toEqual([]);
  });
});

describe('PackManifest schema', () => {
  it('accepts a manifest and reports each bad field', () => {
    expect(PackManifest.safeParse({ format: 'twinspect-content-pack', version: 1, title: 'Pack', products: ['a-b'] }).success).toBe(true);
    const bad = PackManifest.safeParse({ format: 'zip', version: 2, title: '', products: ['Bad Id'] });
    expect(bad.error?.issues.map((i) => ({ path: path(i.path), message: i.message }))).toEqual([
      { path: 'format', message: 'Invalid input: expected "twinspect-content-pack"' },
      { path: 'version', message: 'Invalid input: expected 1' },
      { path: 'title', message: 'must not be empty' },
      { path: 'products[0]', message: 'must be lower-case words joined by "-", e.g. "aurel-tote"' },
    ]);
    expect(PackManifest.safeParse({ format: 'twinspect-content-pack', version: 1, title: 'P', products: [] }).error?.issues[0]?.message).toBe(
      'Too small: expected array to have >=1 items',
    );
  });
});

describe('catalogue helpers', () => {
  it('finds the genuine variant, the counterfeits and the tell categories in schema order', () => {
    const p = product();
    expect(genuineOf(p).id).toBe('genuine');
    expect(counterfeitsOf(p).map((v) => v.id)).toEqual(['fake-1', 'fake-2']);
    expect(tellCategoriesOf(p)).toEqual(['logo-typography', 'security-feature', 'stitching-construction']);
    expect(() => genuineOf({ ...p, variants: p.variants.slice(1) })).toThrow('product aurel-tote has no genuine variant');
  });
});
