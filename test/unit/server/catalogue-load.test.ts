import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../../src/domain/catalogue';
import { loadPack } from '../../../src/server/catalogue/load-pack';
import { formatPackError } from '../../../src/server/catalogue/pack-error';
import { summarise } from '../../../src/server/catalogue/summary';
import { writeFixturePack, writeJson } from './fixture-pack';

const TOTE = 'products/test-tote/product.json';

/** A fresh copy of the fixture pack, broken by `edit` (on the products) and `after` (on the files). */
async function brokenPack(edit?: (products: Product[]) => void, after?: (dir: string) => Promise<void>) {
  const dir = await writeFixturePack(undefined, edit);
  await after?.(dir);
  return loadPack(dir);
}

const where = (errors: Array<{ file: string; path: string }>) => errors.map((e) => ({ file: e.file, path: e.path }));

describe('loadPack', () => {
  it('loads a valid pack: both products, no errors, surface checks passed on plain and meshopt-compressed GLBs', async () => {
    const pack = await brokenPack();
    expect(pack.errors).toEqual([]);
    expect(pack.warnings).toEqual([]);
    expect(pack.products.map((p) => p.id)).toEqual(['test-tote', 'test-watch']);
    expect(pack.manifest?.title).toBe('Test pack');
  });

  it('summarises products in the exact shape the CLI prints', async () => {
    const pack = await brokenPack();
    expect(summarise(pack.products).products[0]).toEqual({
      id: 'test-tote',
      name: 'Test test-tote',
      category: 'handbag',
      variants: [
        { id: 'genuine', kind: 'genuine', tells: 0 },
        { id: 'fake-a', kind: 'counterfeit', tells: 2 },
        { id: 'fake-b', kind: 'counterfeit', tells: 1 },
      ],
      tellCategories: ['logo-typography', 'label-serial-codes', 'materials-colour'],
    });
  });

  it('reports malformed JSON with its line and column', async () => {
    const pack = await brokenPack(undefined, async (dir) => {
      const text = await readFile(join(dir, TOTE), 'utf8');
      await writeFile(join(dir, TOTE), text.replace('"brand": "Testbrand",', '"brand": "Testbrand",,'));
    });
    expect(pack.errors).toEqual([{ file: TOTE, path: '', message: expect.stringMatching(/^malformed JSON at line 4, column 24: /) }]);
    expect(pack.products.map((p) => p.id)).toEqual(['test-watch']);
  });

  it('reports a malformed or invalid pack.json', async () => {
    const bad = await brokenPack(undefined, (dir) => writeFile(join(dir, 'pack.json'), '{ "format": '));
    expect(bad.errors).toEqual([{ file: 'pack.json', path: '', message: 'malformed JSON at line 1, column 13: Unexpected end of JSON input' }]);
    const invalid = await brokenPack(undefined, (dir) =>
      writeJson(join(dir, 'pack.json'), { format: 'twinspect-content-pack', version: 1, title: 'T', products: ['test-tote', 'Nope', 'test-tote'] }),
    );
    expect(invalid.errors).toEqual([{ file: 'pack.json', path: 'products[1]', message: expect.stringContaining('lower-case') }]);
    const twice = await brokenPack(undefined, (dir) =>
      writeJson(join(dir, 'pack.json'), { format: 'twinspect-content-pack', version: 1, title: 'T', products: ['test-tote', 'test-tote'] }),
    );
    expect(twice.errors).toEqual([{ file: 'pack.json', path: 'products[1]', message: '"test-tote" is already listed at products[0]' }]);
  });

  it('reports every schema error of a product, with its JSON path', async () => {
    const pack = await brokenPack((products) => {
      const p = products[0]!;
      p.hsCode = 'x';
      p.variants[1]!.tells[0]!.at.normal = [0, 0, 2];
      p.variants[2]!.tells[0]!.genuineAt.normal = [0, 3, 0];
    });
    expect(pack.errors).toEqual([
      { file: TOTE, path: 'hsCode', message: 'must be an HS code like "4202.21"' },
      { file: TOTE, path: 'variants[1].tells[0].at.normal', message: 'must be a unit vector (length 1)' },
      { file: TOTE, path: 'variants[2].tells[0].genuineAt.normal', message: 'must be a unit vector (length 1)' },
    ]);
  });

  it('reports a product whose id does not match its folder', async () => {
    const pack = await brokenPack((products) => (products[1]!.id = 'other-watch'));
    expect(pack.errors).toEqual([
      { file: 'products/test-watch/product.json', path: 'id', message: 'is "other-watch" but the product\'s folder is products/test-watch/' },
    ]);
  });

  it('reports a listed product whose folder or product.json is missing', async () => {
    const folder = await brokenPack(undefined, (dir) => rm(join(dir, 'products/test-watch'), { recursive: true }));
    expect(folder.errors).toEqual([
      { file: 'pack.json', path: 'products[1]', message: 'product "test-watch" is listed but its folder products/test-watch/ is missing' },
    ]);
    const file = await brokenPack(undefined, (dir) => rm(join(dir, TOTE)));
    expect(file.errors).toEqual([{ file: 'pack.json', path: 'products[0]', message: 'product "test-tote" has no products/test-tote/product.json' }]);
  });

  it('reports a missing model file, or only warns when asked to', async () => {
    const dir = await writeFixturePack();
    await rm(join(dir, 'products/test-tote/models/fake-a.glb'));
    const strict = await loadPack(dir);
    expect(strict.errors).toEqual([
      { file: TOTE, path: 'variants[1].model', message: 'file models/fake-a.glb not found in products/test-tote/' },
    ]);
    const lenient = await loadPack(dir, { missingModels: 'warn' });
    expect(lenient.errors).toEqual([]);
    expect(where(lenient.warnings)).toEqual([{ file: TOTE, path: 'variants[1].model' }]);
    expect(lenient.products).toHaveLength(2);
  });

  it('reports a model that is not a GLB', async () => {
    const pack = await brokenPack(undefined, (dir) => writeFile(join(dir, 'products/test-tote/models/genuine.glb'), 'not a glb'));
    expect(where(pack.errors)).toEqual([{ file: TOTE, path: 'variants[0].model' }]);
    expect(pack.errors[0]!.message).toMatch(/^cannot read models\/genuine\.glb: /);
  });

  it('reports a tell on a node the model does not have, on either side', async () => {
    const pack = await brokenPack((products) => {
      products[0]!.variants[1]!.tells[1]!.at.node = 'strap';
      products[0]!.variants[2]!.tells[0]!.genuineAt.node = 'buckle';
    });
    expect(pack.errors).toEqual([
      { file: TOTE, path: 'variants[1].tells[1].at.node', message: 'no node "strap" in models/fake-a.glb (nodes: body, label)' },
      { file: TOTE, path: 'variants[2].tells[0].genuineAt.node', message: 'no node "buckle" in models/genuine.glb (nodes: body, label)' },
    ]);
  });

  it('reports a tell point farther than 2 mm from its node surface, in world space and on compressed models', async () => {
    const pack = await brokenPack((products) => {
      const p = products[0]!;
      p.variants[1]!.tells[0]!.at.position = [0, 0.21, 0]; // 10 mm above the cube's top face
      p.variants[1]!.tells[1]!.at.position = [0, 0.1, 0.1035]; // 2.5 mm in front of the label triangle
      p.variants[2]!.tells[0]!.at.position = [0.105, 0.1, 0]; // 5 mm off the side of the meshopt-compressed cube
      p.variants[2]!.tells[0]!.genuineAt.position = [0, 0.2015, 0]; // 1.5 mm: within tolerance
    });
    expect(pack.errors).toEqual([
      { file: TOTE, path: 'variants[1].tells[0].at.position', message: 'is 10.0 mm from the surface of node "body" in models/fake-a.glb (at most 2 mm)' },
      { file: TOTE, path: 'variants[1].tells[1].at.position', message: 'is 2.5 mm from the surface of node "label" in models/fake-a.glb (at most 2 mm)' },
      { file: TOTE, path: 'variants[2].tells[0].at.position', message: expect.stringMatching(/^is 5\.\d mm from the surface of node "body" in models\/fake-b\.glb/) },
    ]);
  });

  it('counts a node as covering its children: a point on "label" is on "body"', async () => {
    const pack = await brokenPack((products) => {
      products[0]!.variants[1]!.tells[1]!.at.node = 'body';
    });
    expect(pack.errors).toEqual([]);
  });

  it('formats errors as "file: path: message"', () => {
    expect(formatPackError({ file: TOTE, path: 'id', message: 'bad' })).toBe(`${TOTE}: id: bad`);
    expect(formatPackError({ file: TOTE, path: '', message: 'bad' })).toBe(`${TOTE}: bad`);
  });
});

describe('twinspect catalogue check (CLI)', { timeout: 30_000 }, () => {
  const run = promisify(execFile);
  const cli = join(__dirname, '../../../src/server/cli/twinspect.mjs');
  const twinspect = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: join(__dirname, '../../..') });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  let valid: string;
  let broken: string;
  beforeAll(async () => {
    valid = await writeFixturePack();
    broken = await writeFixturePack(undefined, (products) => {
      products[0]!.variants[1]!.tells[0]!.at.node = 'strap';
      products[1]!.hsCode = '1';
    });
  });

  it('exits 0 and prints exactly the summary with --json', async () => {
    const result = await twinspect('catalogue', 'check', valid, '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['products']);
    expect(json.products.map((p: object) => Object.keys(p))).toEqual([
      ['id', 'name', 'category', 'variants', 'tellCategories'],
      ['id', 'name', 'category', 'variants', 'tellCategories'],
    ]);
    expect(json.products[1]).toEqual({
      id: 'test-watch',
      name: 'Test test-watch',
      category: 'watch',
      variants: [
        { id: 'genuine', kind: 'genuine', tells: 0 },
        { id: 'fake-a', kind: 'counterfeit', tells: 2 },
        { id: 'fake-b', kind: 'counterfeit', tells: 1 },
      ],
      tellCategories: ['logo-typography', 'label-serial-codes', 'materials-colour'],
    });
  });

  it('prints a human summary without --json', async () => {
    const result = await twinspect('catalogue', 'check', valid);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('test-tote  Test test-tote  (handbag)');
    expect(result.stdout).toContain('fake-a  2 tells');
    expect(result.stdout).toContain('2 products, 6 variants, 6 tells: OK');
  });

  it('exits 1, printing each error as "file: path: message" on stderr and {errors} on stdout', async () => {
    const result = await twinspect('catalogue', 'check', broken, '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${TOTE}: variants[1].tells[0].at.node: no node "strap" in models/fake-a.glb`);
    expect(result.stderr).toContain('products/test-watch/product.json: hsCode: must be an HS code like "4202.21"');
    expect(where(JSON.parse(result.stdout).errors)).toEqual([
      { file: TOTE, path: 'variants[1].tells[0].at.node' },
      { file: 'products/test-watch/product.json', path: 'hsCode' },
    ]);
    const human = await twinspect('catalogue', 'check', broken);
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('');
  });

  it('exits 2 with usage for --help, no command and unknown commands', async () => {
    const cases = [['--help'], [], ['catalogue', 'export'], ['catalogue', 'check', valid, '--yaml']];
    const results = await Promise.all(cases.map((args) => twinspect(...args)));
    results.forEach((result, i) => {
      expect(result.code, cases[i]!.join(' ')).toBe(2);
      expect(result.stdout + result.stderr).toContain('Usage: twinspect <command>');
    });
  });
});
