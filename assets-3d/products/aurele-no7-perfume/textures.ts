/** Print and engraving for Maison Aurèle No. 7: label, base batch code, monograms, plating. */
import { drawTexture, grain, centredText, ringBadge, seeded, type Texture } from '../../lib/texture';
import { FONT } from '../../lib/fonts';

const GOLD = '#a8842f', INK = '#2a2520';

/** Label layout, as fractions of the label from its top-left. */
export const LABEL = { wordmark: 0.17, origin: 0.91, uvMark: { fx: 0.84, fy: 0.74 } };

export function labelTexture(opts: { wordmark: string; origin: string; seed: number }): Texture {
  return drawTexture(512, 440, (g, w, h) => {
    grain(g, w, h, '#f4ecdc', 0.05, opts.seed);
    g.strokeStyle = GOLD;
    g.lineWidth = 4;
    g.strokeRect(10, 10, w - 20, h - 20);
    g.lineWidth = 1.5;
    g.strokeRect(20, 20, w - 40, h - 40);
    centredText(g, opts.wordmark, w / 2, h * LABEL.wordmark, `700 38px "${FONT.serif}"`, INK, w - 80, 4);
    g.fillStyle = GOLD;
    g.fillRect(w / 2 - 60, h * 0.26, 120, 2);
    centredText(g, 'No. 7', w / 2, h * 0.45, `700 120px "${FONT.serif}"`, INK, w - 100);
    centredText(g, 'EAU DE PARFUM', w / 2, h * 0.64, `400 27px "${FONT.sans}"`, INK, w - 120, 6);
    centredText(g, '50 ml  ·  1.7 fl. oz.', w / 2, h * 0.75, `400 22px "${FONT.sans}"`, '#5a5045', w - 140);
    centredText(g, opts.origin, w / 2, h * LABEL.origin, `400 16px "${FONT.sans}"`, '#5a5045', w - 70, 2);
  });
}

/** Batch code on the base. Etched: frosted glyphs on clear glass. Sticker: ink on white paper. */
export function baseCodeTexture(opts: { code: string; sticker: boolean }): Texture {
  return drawTexture(384, 128, (g, w, h) => {
    if (opts.sticker) {
      grain(g, w, h, '#fbfbf7', 0.05, 5);
      // the white patch in the corner is what the sticker's back shows through the glass
      centredText(g, opts.code, w / 2, h / 2 + 4, `700 46px "${FONT.mono}"`, '#1a1a1a', w - 30);
    } else {
      g.clearRect(0, 0, w, h);
      centredText(g, opts.code, w / 2, h / 2 + 4, `400 48px "${FONT.mono}"`, 'rgba(235,240,240,0.92)', w - 30);
    }
  }, { alpha: !opts.sticker });
}

/** Engraved monogram for the cap top and the spray button. */
export function monogramTexture(): Texture {
  return ringBadge(128, { radius: 54, width: 4, colour: 'rgba(90,62,12,0.9)' }, (g, w, h) => {
    centredText(g, 'A', w / 2, h / 2 + 4, `700 70px "${FONT.serif}"`, 'rgba(90,62,12,0.9)');
    centredText(g, '7', w / 2 + 30, h / 2 + 26, `400 26px "${FONT.serif}"`, 'rgba(90,62,12,0.9)');
  });
}

export function uvMarkTexture(): Texture {
  return drawTexture(128, 128, (g, w, h) => {
    g.clearRect(0, 0, w, h);
    centredText(g, 'Æ7', w / 2, h / 2 + 4, `700 64px "${FONT.serif}"`, '#ffffff');
  }, { alpha: true });
}

/** Patchy, thin plating on a plastic cap: blotches where the yellow lacquer thins out. */
export function patchyPlating(): Texture {
  return drawTexture(256, 256, (g, w, h) => {
    grain(g, w, h, '#d8b75e', 0.1, 3);
    const rnd = seeded(9);
    for (let i = 0; i < 40; i++) {
      g.fillStyle = `rgba(${rnd() > 0.5 ? '120,110,95' : '245,235,200'},${0.25 + rnd() * 0.35})`;
      g.beginPath();
      g.ellipse(rnd() * w, rnd() * h, 6 + rnd() * 22, 4 + rnd() * 12, rnd() * 3, 0, Math.PI * 2);
      g.fill();
    }
  });
}
