/** Textures of the Verleine flap bag: quilted lambskin tile, smooth leather, clasp engraving, stamp, serial plate. */
import { drawTexture, grain, centredText, type Ctx, type Texture } from '../../lib/texture';
import { FONT } from '../../lib/fonts';

/** One tile of quilted leather (repeats every `L` metres in both axes); creases run on the tile diagonals. */
export function quiltTile(base: string): Texture {
  return drawTexture(512, 512, (g, w, h) => {
    grain(g, w, h, base, 0.1, 11);
    const img = g.getImageData(0, 0, w, h);
    const d = img.data;
    for (let py = 0; py < h; py++) {
      for (let px = 0; px < w; px++) {
        const u = px / w, v = 1 - py / h;
        const a = Math.abs(((u + v + 0.5) % 1 + 1) % 1 - 0.5) / Math.SQRT2;
        const b = Math.abs(((u - v + 0.5) % 1 + 1) % 1 - 0.5) / Math.SQRT2;
        const dist = Math.min(a, b); // 0 on a crease, ~0.35 at a diamond centre
        // Puffed diamonds: dark in the crease, lit towards the centre, a soft top-light bias.
        let k = 0.72 + 0.36 * Math.min(1, dist / 0.2);
        if (dist < 0.01) k *= 0.6;
        const i = (py * w + px) * 4;
        for (let c = 0; c < 3; c++) d[i + c] = Math.min(255, d[i + c]! * k);
      }
    }
    g.putImageData(img, 0, 0);
  });
}

export function smoothLeather(base: string, seed: number): Texture {
  return drawTexture(256, 256, (g, w, h) => grain(g, w, h, base, 0.12, seed));
}

function brushed(g: Ctx, w: number, h: number, base: string): void {
  g.fillStyle = base;
  g.fillRect(0, 0, w, h);
  for (let y = 0; y < h; y += 2) {
    g.fillStyle = `rgba(255,255,255,${0.04 + 0.05 * Math.abs(Math.sin(y * 1.7))})`;
    g.fillRect(0, y, w, 1);
  }
}

/** The clasp plate: interlocking V monogram in a ring over the wordmark, finely engraved. */
export function claspPlate(opts: { base: string; line: number; dx: number; spacing: number; engrave: string }): Texture {
  return drawTexture(384, 256, (g, w, h) => {
    brushed(g, w, h, opts.base);
    const cx = w / 2 + opts.dx, cy = 100;
    g.strokeStyle = opts.engrave;
    g.lineWidth = opts.line;
    g.lineJoin = 'round';
    g.beginPath();
    g.arc(cx, cy, 62, 0, Math.PI * 2);
    g.stroke();
    g.beginPath(); // V
    g.moveTo(cx - 40, cy - 34); g.lineTo(cx, cy + 40); g.lineTo(cx + 40, cy - 34);
    g.stroke();
    g.beginPath(); // inverted V, interlocking
    g.moveTo(cx - 40, cy + 34); g.lineTo(cx, cy - 40); g.lineTo(cx + 40, cy + 34);
    g.stroke();
    centredText(g, 'VERLEINE', cx, 210, `700 34px "${FONT.serif}"`, opts.engrave, 300, opts.spacing);
  });
}

/** Gold-foil heat stamp on the back pocket (alpha decal). */
export function heatStamp(word: string, weight: 400 | 700): Texture {
  return drawTexture(512, 128, (g, w) => {
    centredText(g, word, w / 2, 50, `${weight} 58px "${FONT.serif}"`, '#d9bd78', 480, 10);
    centredText(g, 'ATELIER DE MAROQUINERIE', w / 2, 104, `400 22px "${FONT.serif}"`, '#d9bd78', 440, 4);
  }, { alpha: true });
}

/** Engraved serial plate. */
export function serialPlate(base: string, text: string, font: string): Texture {
  return drawTexture(384, 128, (g, w, h) => {
    brushed(g, w, h, base);
    centredText(g, text, w / 2, h / 2 + 2, font, '#4a3a1c', 350, 2);
  });
}

/** Covert UV-ink monogram (uvOnly decal). */
export function uvMonogram(): Texture {
  return drawTexture(128, 128, (g) => {
    g.strokeStyle = '#ffffff';
    g.lineWidth = 9;
    g.beginPath(); g.arc(64, 64, 52, 0, Math.PI * 2); g.stroke();
    g.beginPath(); g.moveTo(34, 38); g.lineTo(64, 96); g.lineTo(94, 38); g.stroke();
    g.beginPath(); g.moveTo(34, 90); g.lineTo(64, 32); g.lineTo(94, 90); g.stroke();
  }, { alpha: true });
}
