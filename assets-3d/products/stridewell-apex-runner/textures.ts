/** Textures of the Stridewell Apex runner: knit upper with logo, moulded midsole, tongue label, insole. */
import { drawTexture, grain, centredText, type Ctx, type Texture } from '../../lib/texture';
import { FONT } from '../../lib/fonts';

/** The comet logo: a tapering arc rising towards the toe, ending in a dot. `u` runs toe-wards to the right. */
function comet(g: Ctx, x: number, y: number, s: number, opts: { dot: boolean; taper: boolean }): void {
  g.fillStyle = '#f4f4f0';
  g.beginPath();
  const n = 30;
  const top: [number, number][] = [], bot: [number, number][] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const px = x + (t - 0.5) * 2.2 * s, py = y + 0.45 * s - Math.sin(t * Math.PI * 0.55) * 0.9 * s;
    const half = opts.taper ? 0.04 * s + 0.12 * s * t : 0.14 * s;
    top.push([px, py - half]); bot.push([px, py + half]);
  }
  g.moveTo(...top[0]!);
  for (const p of top) g.lineTo(...p);
  for (const p of bot.reverse()) g.lineTo(...p);
  g.closePath();
  g.fill();
  if (opts.dot) { g.beginPath(); g.arc(x + 1.42 * s, y - 0.55 * s, 0.2 * s, 0, Math.PI * 2); g.fill(); }
}

/**
 * Upper: left half = medial side, right half = lateral side; u along the shoe (toe at the left edge of
 * the lateral half, as seen from outside), v from sole (0) to collar (1).
 */
export function upperTexture(opts: { base: string; perfPitch: number; perfR: number; logoDot: boolean; logoTaper: boolean }): Texture {
  return drawTexture(1024, 512, (g, w, h) => {
    grain(g, w, h, opts.base, 0.1, 21);
    // Knit ribs.
    for (let y = 0; y < h; y += 4) { g.fillStyle = 'rgba(0,0,0,0.07)'; g.fillRect(0, y, w, 1); }
    // Toe-box perforations: front 40 % of each side.
    g.fillStyle = 'rgba(0,0,0,0.45)';
    // The texture is ~3.5x denser along v than along u on the model: stretch holes and rows to stay round.
    const K = 3.5, py = opts.perfPitch * K;
    const zone = (x0: number, x1: number) => {
      for (let row = 0, y = 150; y < h - 30; row++, y += py) for (let x = x0 + (row % 2) * opts.perfPitch / 2; x < x1; x += opts.perfPitch) {
        g.beginPath(); g.ellipse(x, y, opts.perfR, opts.perfR * K, 0, 0, Math.PI * 2); g.fill();
      }
    };
    zone(512 * 0.62, 512 * 0.97); // medial: toe at right of its half
    zone(512 + 512 * 0.03, 512 + 512 * 0.38); // lateral: toe at left
    // Heel overlay band.
    g.fillStyle = 'rgba(10,20,30,0.55)';
    g.fillRect(0, 0, 80, h); g.fillRect(w - 80, 0, 80, h);
    // Logo on both sides, rising towards the toe.
    for (const [cx, flip] of [[256 + 20, 1], [768 - 20, -1]] as const) {
      g.save(); g.translate(cx, 300); g.scale(flip, 2.6);
      comet(g, 0, 0, 70, { dot: opts.logoDot, taper: opts.logoTaper });
      g.restore();
    }
  });
}

/** Midsole foam; the lateral half carries the moulded model name "APEX". */
export function midsoleTexture(moulded: boolean): Texture {
  return drawTexture(1024, 128, (g, w, h) => {
    grain(g, w, h, '#ecebe6', 0.05, 4);
    g.fillStyle = 'rgba(0,0,0,0.06)';
    for (let x = 0; x < w; x += 24) g.fillRect(x, 0, 2, h);
    if (moulded) {
      const x = 512 + 512 * 0.7, y = h / 2;
      centredText(g, 'APEX', x + 2, y + 2, `700 64px "${FONT.condensed}"`, 'rgba(0,0,0,0.28)', 200, 8);
      centredText(g, 'APEX', x, y, `700 64px "${FONT.condensed}"`, '#fbfbf8', 200, 8);
    }
  });
}

export function tongueLabel(opts: { wordFont: string; code: string; window: string }): Texture {
  return drawTexture(256, 320, (g, w) => {
    grain(g, w, 320, '#101820', 0.08, 9);
    g.save(); g.translate(w / 2 + 10, 70); comet(g, 0, 0, 34, { dot: true, taper: true }); g.restore();
    centredText(g, 'STRIDEWELL', w / 2, 140, opts.wordFont, '#f4f4f0', 220, 3);
    centredText(g, 'APEX RUNNER', w / 2, 182, `400 24px "${FONT.condensed}"`, '#9fb3c3', 200, 4);
    centredText(g, opts.code, w / 2, 236, `400 22px "${FONT.mono}"`, '#f4f4f0', 230);
    centredText(g, opts.window, w / 2, 272, `400 22px "${FONT.mono}"`, '#f4f4f0', 230);
  });
}

export function insoleTexture(): Texture {
  return drawTexture(256, 512, (g, w, h) => {
    grain(g, w, h, '#3a3f46', 0.12, 13);
    // Heel end is at the bottom of the image (v = 0).
    centredText(g, 'STRIDEWELL', w / 2, h - 70, `700 22px "${FONT.sans}"`, '#c9d2da', 120, 1);
  });
}

export function uvMark(): Texture {
  return drawTexture(128, 64, (g) => {
    g.save(); g.translate(64, 36); comet(g, 0, 0, 22, { dot: true, taper: true }); g.restore();
  }, { alpha: true });
}
