/**
 * `twinspect scan` end to end: the CLI in a child Node on real photos from test/fixtures/photos
 * (see support/recognition-photos.ts), in JSON and as a human summary, and its errors.
 */
import type { Detection } from '../../src/domain/recognition';
import { describe, expect, it } from 'vitest';
import { photo, runScan, TOLERANCE } from './support/recognition-photos';

describe('twinspect scan (CLI, end to end)', () => {
  it('--json prints the detections and matches of each photo', () => {
    const started = performance.now();
    const res = runScan(photo('jetson-inference_bottle_0.jpg'), photo('PaddleClas_wangzai.jpg'), '--json');
    console.info(`twinspect scan, 2 photos: ${Math.round(performance.now() - started)} ms`);
    expect(res.status, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout) as { photos: { file: string; detections: Detection[]; matches: { productId: string; by: string }[]; noMatch: boolean }[] };
    expect(out.photos).toHaveLength(2);
    const [bottle, wangzai] = out.photos;
    expect(bottle!.file).toBe(photo('jetson-inference_bottle_0.jpg'));
    expect(bottle!.detections.some((d) => d.cocoClass === 'bottle' && Math.abs(d.score - 0.986) <= TOLERANCE)).toBe(true);
    expect(bottle!.detections[0]!.box).toHaveLength(4);
    expect(bottle!.matches[0]).toMatchObject({ productId: 'aurele-no7-perfume', by: 'class' });
    expect(bottle!.noMatch).toBe(false);
    expect(wangzai!.noMatch).toBe(true);
    expect(wangzai!.matches).toEqual([]);
  }, 120_000);

  it('prints a human summary without --json', () => {
    const res = runScan(photo('IBM-MAX-Object-Detector_baby-bear.jpg'), photo('tfjs-models_posenet_with_computer.jpg'));
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^ {2}teddy bear 0\.99 at \d+,\d+ \d+×\d+$/m);
    expect(res.stdout).toContain('→ Bramble Bear 0.99 (class)');
    expect(res.stdout).toMatch(/with_computer\.jpg \(513×513\)\n(.*\n)*? {2}→ no matching product/);
  }, 120_000);

  it('a missing or undecodable photo: an error naming the file, exit 1; no photo: usage, exit 2', () => {
    const missing = runScan(photo('no-such-photo.jpg'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no-such-photo.jpg: no such file');
    const notImage = runScan(photo('README.md'));
    expect(notImage.status).toBe(1);
    expect(notImage.stderr).toMatch(/README\.md: not a decodable image/);
    const none = runScan('--json');
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Usage: twinspect scan PHOTO...');
  }, 60_000);
});
