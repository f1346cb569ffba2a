/** Prints of the Voltria charger: top wordmark, side regulatory print, the fictional EVK mark, covert UV mark. */
import { drawTexture, centredText, type Ctx, type Texture } from '../../lib/texture';
import { FONT } from '../../lib/fonts';
import type { ChargerSpec } from './spec';

function bolt(g: Ctx, x: number, y: number, s: number, fill: string): void {
  g.fillStyle = fill;
  g.beginPath();
  g.moveTo(x + 0.15 * s, y - 0.5 * s);
  g.lineTo(x - 0.3 * s, y + 0.08 * s);
  g.lineTo(x - 0.02 * s, y + 0.08 * s);
  g.lineTo(x - 0.15 * s, y + 0.5 * s);
  g.lineTo(x + 0.3 * s, y - 0.08 * s);
  g.lineTo(x + 0.02 * s, y - 0.08 * s);
  g.closePath();
  g.fill();
}

export function wordmarkTexture(s: ChargerSpec): Texture {
  return drawTexture(512, 192, (g, w, h) => {
    bolt(g, 70, h / 2, 110, '#9ea1a6');
    centredText(g, s.wordmark, 300, h / 2 + 4, `700 104px "${FONT.sans}"`, '#9ea1a6', 380, 2);
  }, { alpha: true });
}

export function labelTexture(s: ChargerSpec): Texture {
  return drawTexture(512, 564, (g, w) => {
    const ink = s.labelInk;
    const line = (t: string, y: number, size = 24, weight = 400) => {
      g.font = `${weight} ${size}px "${FONT.sans}"`;
      g.fillStyle = ink;
      g.textBaseline = 'middle';
      g.fillText(t, 24, y);
    };
    line('VOLTRIA  USB-C Power Adapter 20W', 40, 27, 700);
    line('Model: VT-20C1', 92);
    line('Input: 100-240V~ 50/60Hz 0.6A', 132);
    line('Output: 5V=3A  9V=2.22A', 172);
    line('12V=1.67A   20W max', 208);
    if (s.makerLine) {
      line('Voltria Power Systems Oy, Tampere', 256, 22);
      line('Assembled in Vietnam', 288, 22);
    }
    line('DC 25W14   S/N VT2514-0832', 336, 20);
    // class II (double insulation) symbol and indoor-use symbol
    g.strokeStyle = ink;
    g.lineWidth = 4;
    g.strokeRect(32, 392, 70, 70);
    g.strokeRect(50, 410, 34, 34);
    g.strokeRect(126, 392, 70, 70);
    g.strokeRect(140, 406, 42, 42);
  }, { alpha: true });
}

/** The fictional Elektro-Verifikationskammer (EVK) mark. */
export function certTexture(s: ChargerSpec): Texture {
  return drawTexture(256, 256, (g) => {
    const ink = s.labelInk;
    g.strokeStyle = ink;
    g.fillStyle = ink;
    g.lineWidth = 9;
    g.beginPath();
    if (s.certStyle === 'redrawn') g.arc(128, 100, 78, 0, Math.PI * 2);
    else for (let i = 0; i < 6; i++) g.lineTo(128 + Math.sin((i * Math.PI) / 3) * 84, 100 - Math.cos((i * Math.PI) / 3) * 84);
    g.closePath();
    g.stroke();
    if (s.certStyle === 'redrawn') {
      centredText(g, 'EVK', 128, 102, `700 62px "${FONT.sans}"`, ink, 110, -6);
    } else {
      // letters climbing diagonally inside the hexagon
      centredText(g, 'E', 92, 66, `700 52px "${FONT.sans}"`, ink);
      centredText(g, 'V', 128, 102, `700 52px "${FONT.sans}"`, ink);
      centredText(g, 'K', 164, 138, `700 52px "${FONT.sans}"`, ink);
    }
    centredText(g, s.certStyle === 'approved' ? 'APPROVED' : 'CERTIFIED', 128, 206, `700 36px "${FONT.sans}"`, ink, 240);
    if (s.certStyle === 'genuine') centredText(g, 'Lic. EV 40217-4', 128, 240, `400 28px "${FONT.sans}"`, ink, 240);
    if (s.certStyle === 'redrawn') centredText(g, 'EV 40217-TJ', 128, 240, `400 28px "${FONT.sans}"`, ink, 240);
  }, { alpha: true });
}

/** Covert batch mark printed in UV-fluorescent ink: invisible in daylight. */
export function uvMarkTexture(): Texture {
  return drawTexture(256, 192, (g, w) => {
    bolt(g, w / 2, 70, 100, '#ffffff');
    centredText(g, 'VT 25W14', w / 2, 156, `700 40px "${FONT.mono}"`, '#ffffff');
  }, { alpha: true });
}
