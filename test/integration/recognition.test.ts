/**
 * The recognition pipeline in Node with the wasm backend, on real photos from test/fixtures/photos
 * (found through support/recognition-photos.ts; the CLI's own tests are in recognition-cli.test.ts).
 * The README there lists what COCO-SSD found in each photo (wasm backend, maxBoxes 20, minScore 0.5);
 * scores should agree within ±0.05.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textIn } from '../../src/domain/local-text';
import type { ScanOutcome } from '../../src/domain/recognition';
import type { Detector } from '../../src/recognition/detector';
import { catalogueEntries, loadNodeDetector, scanPhotos, type PhotoScan } from '../../src/recognition/scan-node';
import { compare, photo, photosDir, readmeTable, repoRoot, runScan, TOLERANCE } from './support/recognition-photos';

/**
 * Where this pipeline's detections differ from the README by more than the tolerance (measured with the
 * weights in public/models/coco-ssd, identical on the wasm and cpu backends, and with images decoded by
 * @napi-rs/canvas or by sharp alike): looking_at_computer also finds a laptop at 0.559 that the README
 * lacks. The classes and the outcome (no matching product) are the same. (The wangzai photo's row is
 * this pipeline's own measurement of the re-encoded copy kept in the repository: see that README.)
 */
const KNOWN_DEVIATIONS: Record<string, { tolerance?: number; extra?: string[] }> = {
  'tfjs-models_posenet_looking_at_computer.jpg': { extra: ['laptop'] },
};

const summary = (o: ScanOutcome) => o.detections.map((d) => `${d.cocoClass} ${d.score.toFixed(3)}`).join(', ');

describe('recognition on real photos (Node, wasm backend)', () => {
  let detector: Detector;
  let results: Map<string, PhotoScan>;
  const table = readmeTable();

  beforeAll(async () => {
    const started = performance.now();
    detector = await loadNodeDetector();
    const loaded = performance.now();
    const catalogue = await catalogueEntries(join(repoRoot, 'content'));
    const scans = await scanPhotos([...table.keys()].map(photo), { catalogue, detector });
    results = new Map(scans.map((s) => [s.file.slice(photosDir.length + 1), s]));
    console.info(
      `recognition: detector loaded in ${Math.round(loaded - started)} ms, ${scans.length} photos scanned in ${Math.round(performance.now() - loaded)} ms\n` +
        scans.map((s) => `  ${s.file.slice(photosDir.length + 1)}: ${summary(s.outcome)} → ${s.outcome.noMatch ? 'no matching product' : s.outcome.matches.map((m) => `${m.productId} ${m.score.toFixed(2)} (${m.by})`).join(', ')}`).join('\n'),
    );
  }, 120_000);

  afterAll(() => detector?.dispose());

  it('runs on the wasm backend', () => {
    expect(detector.backend).toBe('wasm');
  });

  it('reads the README table of every fixture photo', () => {
    expect(table.size).toBeGreaterThanOrEqual(11);
    expect(table.get('tfjs-models_coffee.jpg')).toEqual([{ cocoClass: 'cup', score: 0.987 }]);
  });

  it('finds what the fixtures README lists, within ±0.05 (known deviations documented above)', () => {
    const problems: string[] = [];
    for (const [file, expected] of table) {
      const scan = results.get(file);
      if (!scan) {
        problems.push(`${file}: not scanned`);
        continue;
      }
      const deviation = KNOWN_DEVIATIONS[file] ?? {};
      const { misses, extra } = compare(scan.outcome.detections, expected, deviation.tolerance ?? TOLERANCE);
      const unexpected = extra.filter((c) => !(deviation.extra ?? []).includes(c));
      if (misses.length || unexpected.length) {
        problems.push(`${file}: found ${summary(scan.outcome)}; missing ${misses.join(', ') || '-'}; unexpected ${unexpected.join(', ') || '-'}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives boxes inside the image, in pixels', () => {
    for (const scan of results.values()) {
      for (const { box } of scan.outcome.detections) {
        const [x, y, w, h] = box;
        expect(w).toBeGreaterThan(1);
        expect(h).toBeGreaterThan(1);
        expect(x).toBeGreaterThanOrEqual(-1);
        expect(y).toBeGreaterThanOrEqual(-1);
        expect(x + w).toBeLessThanOrEqual(scan.width + 1);
        expect(y + h).toBeLessThanOrEqual(scan.height + 1);
      }
    }
  });

  const outcome = (file: string) => results.get(file)!.outcome;
  const near = (o: ScanOutcome, cocoClass: string, score: number) =>
    o.detections.some((d) => d.cocoClass === cocoClass && Math.abs(d.score - score) <= TOLERANCE);

  it('coffee: a cup (≈0.987), which no product of the catalogue appears as → no matching product', () => {
    const o = outcome('tfjs-models_coffee.jpg');
    expect(near(o, 'cup', 0.987)).toBe(true);
    expect(o.detections[0]!.box[2]).toBeGreaterThan(200);
    expect(o.noMatch).toBe(true);
  });

  it('backpackman: a person and a backpack → the quilted bag, the one product that can look like a backpack', () => {
    const o = outcome('tfjs-models_posenet_backpackman.jpg');
    expect(near(o, 'person', 0.924)).toBe(true);
    expect(near(o, 'backpack', 0.588)).toBe(true);
    const backpack = o.detections.find((d) => d.cocoClass === 'backpack')!;
    expect(o.matches.map((m) => [m.productId, m.by, m.score])).toEqual([['verleine-flap-bag', 'class', backpack.score]]);
  });

  it('baby-bear: a teddy bear (≈0.995) → Bramble Bear', () => {
    const o = outcome('IBM-MAX-Object-Detector_baby-bear.jpg');
    expect(near(o, 'teddy bear', 0.995)).toBe(true);
    expect(near(o, 'person', 0.994)).toBe(true);
    expect(o.matches[0]).toMatchObject({ productId: 'bramble-bear', by: 'class' });
    expect(textIn(o.matches[0]!.productName, 'en')).toBe('Bramble Bear');
    expect(o.matches[0]!.score).toBeCloseTo(0.995, 1);
    expect(o.detections[o.matches[0]!.detection]!.cocoClass).toBe('teddy bear');
  });

  it('jetson bottle: a cat and a bottle (≈0.986) → the No. 7 perfume, the only product claiming "bottle"', async () => {
    const claimants = [];
    for (const id of JSON.parse(await readFile(join(repoRoot, 'content', 'pack.json'), 'utf8')).products as string[]) {
      const p = JSON.parse(await readFile(join(repoRoot, 'content', 'products', id, 'product.json'), 'utf8'));
      if (p.cocoClasses.includes('bottle')) claimants.push(id);
    }
    expect(claimants).toEqual(['aurele-no7-perfume']);
    const o = outcome('jetson-inference_bottle_0.jpg');
    expect(near(o, 'bottle', 0.986)).toBe(true);
    expect(near(o, 'cat', 0.987)).toBe(true);
    expect(o.matches).toHaveLength(1);
    expect(o.matches[0]).toMatchObject({ productId: 'aurele-no7-perfume', by: 'class' });
    expect(o.detections[o.matches[0]!.detection]!.cocoClass).toBe('bottle');
  });

  it('wangzai (a can): dining table and cake → no matching product', () => {
    const o = outcome('PaddleClas_wangzai.jpg');
    expect(o.detections.map((d) => d.cocoClass).sort()).toEqual(['cake', 'dining table']);
    expect(o.noMatch).toBe(true);
    expect(o.matches).toEqual([]);
  });

  it('with_computer: people and a laptop → no matching product', () => {
    const o = outcome('tfjs-models_posenet_with_computer.jpg');
    expect(near(o, 'laptop', 0.889)).toBe(true);
    expect(o.noMatch).toBe(true);
  });

  it('the other photos without a product class → no matching product; the IBM coffee is a known miss (oven)', () => {
    for (const file of ['tfjs-models_posenet_looking_at_computer.jpg', 'tfjs-models_posenet_tie_with_beer.jpg', 'IBM-MAX-ResNet-50_coffee.jpg']) {
      expect(outcome(file).noMatch, file).toBe(true);
    }
  });

  describe('second stage: products sharing a class, told apart by reference photos', () => {
    let pack: string;

    beforeAll(async () => {
      pack = await mkdtemp(join(tmpdir(), 'twinspect-recognition-pack-'));
      const bear = JSON.parse(await readFile(join(repoRoot, 'content', 'products', 'bramble-bear', 'product.json'), 'utf8'));
      // The reference photo is the bear photo re-encoded at half size (not the scanned bytes).
      const image = await loadImage(readFileSync(photo('IBM-MAX-Object-Detector_baby-bear.jpg')));
      const canvas = createCanvas(Math.round(image.width / 2), Math.round(image.height / 2));
      canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
      const products = {
        // 'teddy bear' is claimed by all three; only the first has a photo of this bear.
        'plush-genuine-look': { photos: [{ file: 'photos/bear-half.jpg', caption: 'Reference: the bear, half size' }] },
        'plush-other': { photos: [{ file: 'photos/other.jpg', caption: 'Reference: a different product' }] },
        'plush-no-photo': { photos: [] },
      };
      for (const [id, extra] of Object.entries(products)) {
        const dir = join(pack, 'products', id);
        await mkdir(join(dir, 'photos'), { recursive: true });
        await writeFile(join(dir, 'product.json'), JSON.stringify({ ...bear, id, name: `Plush ${id}`, ...extra }, null, 2));
      }
      await writeFile(join(pack, 'products', 'plush-genuine-look', 'photos', 'bear-half.jpg'), await canvas.encode('jpeg', 85));
      await cp(photo('tfjs-models_coffee.jpg'), join(pack, 'products', 'plush-other', 'photos', 'other.jpg'));
      await writeFile(
        join(pack, 'pack.json'),
        JSON.stringify({ format: 'twinspect-content-pack', version: 1, title: 'Recognition test pack', products: Object.keys(products) }),
      );
    }, 60_000);

    afterAll(async () => {
      if (pack) await rm(pack, { recursive: true, force: true });
    });

    it('computes reference descriptors from the photos (whole photo, plus the claimed class regions with a detector)', async () => {
      const plain = await catalogueEntries(pack);
      expect(plain.map((e) => [e.productId, e.references.length])).toEqual([
        ['plush-genuine-look', 1],
        ['plush-other', 1],
        ['plush-no-photo', 0],
      ]);
      const withRegions = await catalogueEntries(pack, { detector });
      expect(withRegions[0]!.references.length).toBe(2); // the photo and its teddy bear
      expect(withRegions[1]!.references.length).toBe(1); // the coffee photo has no teddy bear
    });

    it('ranks the product whose reference photo matches first (by photo), drops the non-matching one', async () => {
      const catalogue = await catalogueEntries(pack, { detector });
      const [scan] = await scanPhotos([photo('IBM-MAX-Object-Detector_baby-bear.jpg')], { catalogue, detector });
      const { matches, detections } = scan!.outcome;
      expect(matches.map((m) => [m.productId, m.by])).toEqual([
        ['plush-genuine-look', 'photo'],
        ['plush-no-photo', 'class'],
      ]);
      const bear = detections[matches[0]!.detection]!;
      console.info(`second stage: ${matches.map((m) => `${m.productId} ${m.score.toFixed(3)} (${m.by})`).join(', ')}; teddy bear ${bear.score.toFixed(3)}`);
      expect(bear.cocoClass).toBe('teddy bear');
      expect(matches[0]!.score).toBeGreaterThan(0.85 * bear.score);
      expect(matches[1]!.score).toBeCloseTo(bear.score * 0.5, 6);
    });

    it('references of something else only → every photo-backed claimant is dropped: no matching product', async () => {
      const catalogue = (await catalogueEntries(pack, { detector })).filter((e) => e.productId !== 'plush-no-photo');
      const [scan] = await scanPhotos([photo('IBM-MAX-Object-Detector_baby-bear.jpg')], {
        catalogue: catalogue.map((e) => (e.productId === 'plush-genuine-look' ? { ...e, references: catalogue[1]!.references } : e)),
        detector,
      });
      expect(scan!.outcome.noMatch).toBe(true);
    });

    it('twinspect scan --content uses that pack', () => {
      const res = runScan(photo('IBM-MAX-Object-Detector_baby-bear.jpg'), '--content', pack, '--json');
      expect(res.status, res.stderr).toBe(0);
      const [result] = JSON.parse(res.stdout).photos as { matches: { productId: string; by: string }[] }[];
      expect(result!.matches.map((m) => [m.productId, m.by])).toEqual([
        ['plush-genuine-look', 'photo'],
        ['plush-no-photo', 'class'],
      ]);
    }, 120_000);
  });
});
