/** Prints for the Sonique Pods Pro case: lid print, serial, sticker, covert UV mark. */
import { drawTexture, centredText, grain, type Texture } from '../../lib/texture';
import { FONT } from '../../lib/fonts';

/** The print inside the lid: wordmark and legal line. `fuzzy` = heavy, blurred counterfeit print. */
export function lidPrint(wordmark: string, fuzzy: boolean): Texture {
  return drawTexture(640, 176, (g, w, h) => {
    g.clearRect(0, 0, w, h);
    if (fuzzy) g.filter = 'blur(2.2px)';
    const ink = fuzzy ? '#505050' : '#7a7a7a';
    centredText(g, wordmark, w / 2, h * 0.34, `${fuzzy ? 700 : 400} 74px "${FONT.sans}"`, ink, w * 0.8, fuzzy ? 1 : 6);
    centredText(g, 'Designed by Sonique Audio in Bergen', w / 2, h * 0.72, `${fuzzy ? 700 : 400} 26px "${FONT.sans}"`, ink, w * 0.9, 1);
    centredText(g, 'Assembled in Vietnam  ·  Model SQ-P2', w / 2, h * 0.9, `${fuzzy ? 700 : 400} 22px "${FONT.sans}"`, ink, w * 0.9, 1);
  }, { alpha: true });
}

/** Serial printed straight on the plastic (genuine style). */
export function serialPrint(serial: string): Texture {
  return drawTexture(512, 64, (g, w, h) => {
    g.clearRect(0, 0, w, h);
    centredText(g, `SER. ${serial}`, w / 2, h / 2, `400 40px "${FONT.mono}"`, '#6e6e6e', w * 0.95);
  }, { alpha: true });
}

/** A peel-off paper sticker carrying the serial (counterfeit style). */
export function serialSticker(serial: string): Texture {
  return drawTexture(512, 112, (g, w, h) => {
    grain(g, w, h, '#e2dcc8', 0.12, 5);
    g.strokeStyle = '#b9b4a4';
    g.lineWidth = 4;
    g.strokeRect(6, 6, w - 12, h - 12);
    centredText(g, 'SERIAL NO.', w / 2, h * 0.3, `700 26px "${FONT.condensed}"`, '#222', w * 0.9);
    centredText(g, serial, w / 2, h * 0.66, `700 44px "${FONT.mono}"`, '#000', w * 0.92);
  });
}

/** Covert UV-ink mark on the cradle: a hexagon with "SQ". */
export function uvMark(): Texture {
  return drawTexture(128, 128, (g, w, h) => {
    g.clearRect(0, 0, w, h);
    g.strokeStyle = '#ffffff';
    g.lineWidth = 9;
    g.beginPath();
    for (let i = 0; i < 6; i++) {
      const a = Math.PI / 6 + (i * Math.PI) / 3;
      const x = w / 2 + Math.cos(a) * 54, y = h / 2 + Math.sin(a) * 54;
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    }
    g.closePath();
    g.stroke();
    centredText(g, 'SQ', w / 2, h / 2 + 2, `700 46px "${FONT.sans}"`, '#ffffff');
  }, { alpha: true });
}
