/** Textures of the Halvard Meridian diver: dial, chapter ring, bezel insert, caseback, crystal etch. */
import { drawTexture, grain, centredText, seeded, type Ctx, type Texture } from '../../lib/texture';
import { FONT } from '../../lib/fonts';
import type { WatchSpec } from './spec';
import { DIAL_R, REHAUT_R1, BEZEL_R1, DATE_X, DATE_W, DATE_H, BACK_DECAL } from './spec';

/** Text placed letter by letter around a circle, centred on `angle` (radians, 0 = 12 o'clock, clockwise). */
function arcText(g: Ctx, text: string, cx: number, cy: number, r: number, angle: number, font: string, fill: string, spacing = 0, gaps: number[] = []): void {
  g.font = font;
  g.fillStyle = fill;
  g.textBaseline = 'middle';
  g.textAlign = 'center';
  const widths = [...text].map((ch) => g.measureText(ch).width + spacing);
  const total = widths.reduce((a, b) => a + b, 0) + gaps.reduce((a, b) => a + b, 0);
  let a = angle - total / r / 2;
  [...text].forEach((ch, i) => {
    const w = widths[i]! + (gaps[i] ?? 0);
    const mid = a + widths[i]! / r / 2;
    g.save();
    g.translate(cx + Math.sin(mid) * r, cy - Math.cos(mid) * r);
    g.rotate(mid);
    g.fillText(ch, 0, 0);
    g.restore();
    a += w / r;
  });
}

/** The compass-star emblem of the fictional brand. */
function emblem(g: Ctx, x: number, y: number, s: number, fill: string): void {
  g.fillStyle = fill;
  g.beginPath();
  for (let i = 0; i < 8; i++) {
    const a = (i * Math.PI) / 4;
    const r = i % 2 === 0 ? s : s * 0.32;
    g.lineTo(x + Math.sin(a) * r, y - Math.cos(a) * r);
  }
  g.closePath();
  g.fill();
}

export function dialTexture(spec: WatchSpec): Texture {
  return drawTexture(1024, 1024, (g, w) => {
    const px = w / (2 * DIAL_R); // pixels per metre
    const c = w / 2;
    grain(g, w, w, '#101216', 0.05, 11);
    const sun = g.createRadialGradient(c, c, 0, c, c, c);
    sun.addColorStop(0, 'rgba(60,66,78,0.35)');
    sun.addColorStop(1, 'rgba(0,0,0,0)');
    g.fillStyle = sun;
    g.fillRect(0, 0, w, w);
    // minute track
    for (let i = 0; i < 60; i++) {
      const a = (i * Math.PI) / 30;
      const r0 = c - 10, r1 = i % 5 === 0 ? c - 44 : c - 28;
      g.strokeStyle = '#e9e9e4';
      g.lineWidth = i % 5 === 0 ? 5 : 3;
      g.beginPath();
      g.moveTo(c + Math.sin(a) * r0, c - Math.cos(a) * r0);
      g.lineTo(c + Math.sin(a) * r1, c - Math.cos(a) * r1);
      g.stroke();
    }
    emblem(g, c, c - 0.0078 * px, 0.0013 * px, '#e9e9e4');
    centredText(g, spec.dialBrand, c, c - 0.0056 * px, `700 ${Math.round(0.0021 * px)}px "${FONT.sans}"`, '#f2f2ee', undefined, 0.00018 * px);
    centredText(g, 'MERIDIAN', c, c - 0.0036 * px, `400 ${Math.round(0.0012 * px)}px "${FONT.sans}"`, '#d8d8d2', undefined, 0.00025 * px);
    centredText(g, 'AUTOMATIC', c, c + 0.0042 * px, `400 ${Math.round(0.0011 * px)}px "${FONT.sans}"`, '#c8362e', undefined, 0.0002 * px);
    centredText(g, '300 m / 1000 ft', c, c + 0.0058 * px, `400 ${Math.round(0.0011 * px)}px "${FONT.sans}"`, '#d8d8d2');
    // date window with the date wheel's "17"
    const dx = c + DATE_X * px, dw = DATE_W * px, dh = DATE_H * px;
    g.fillStyle = '#c9cbce';
    g.fillRect(dx - dw / 2 - 5, c - dh / 2 - 5, dw + 10, dh + 10);
    g.fillStyle = '#f7f6f0';
    g.fillRect(dx - dw / 2, c - dh / 2, dw, dh);
    centredText(g, '17', dx, c + 2, `700 ${Math.round(spec.dateDigitH * px * 1.36)}px "${FONT.sans}"`, '#111');
  });
}

/** The sloped inner ring between dial and crystal, with repeated engraved brand and the serial at 6. */
export function rehautTexture(spec: WatchSpec): Texture {
  return drawTexture(1024, 1024, (g, w) => {
    const px = w / (2 * REHAUT_R1);
    const c = w / 2;
    grain(g, w, w, '#2a2d33', 0.06, 5);
    const r = 15.25e-3 * px;
    const rnd = seeded(3);
    const font = `400 ${Math.round(0.0008 * px)}px "${FONT.sans}"`;
    for (let i = 0; i < 12; i++) {
      // brand text centred between hour markers; the counterfeit drifts and spaces it unevenly
      const jitter = spec.rehautEven ? 0 : (rnd() - 0.5) * 0.12 + 0.09;
      const a = ((i + 0.5) * Math.PI) / 6 + jitter;
      if (spec.rehautSerial && (i === 5 || i === 6)) continue;
      const spacing = spec.rehautEven ? 0.00012 * px : (0.00005 + rnd() * 0.0003) * px;
      arcText(g, 'HALVARD', c, c, r, a, font, '#c4c6ca', spacing);
    }
    for (let i = 0; i < 12; i++) {
      g.fillStyle = '#c4c6ca';
      const h = (i * Math.PI) / 6;
      g.fillStyle = '#c4c6ca';
      if (!(i === 6 && spec.rehautSerial)) g.fillRect(c + Math.sin(h) * r - 3, c - Math.cos(h) * r - 3, 6, 6);
    }
    if (spec.rehautSerial) arcText(g, spec.serial, c, c, r, Math.PI, font, '#c4c6ca', 0.00004 * px);
  });
}

export function bezelTexture(): Texture {
  return drawTexture(1024, 1024, (g, w) => {
    const px = w / (2 * BEZEL_R1);
    const c = w / 2;
    grain(g, w, w, '#0b0c0f', 0.07, 9);
    g.strokeStyle = '#ecece6';
    for (let i = 0; i < 60; i++) {
      const a = (i * Math.PI) / 30;
      if (i === 0 || (i % 10 === 0)) continue;
      if (i < 15 || i % 5 === 0) {
        g.lineWidth = i % 5 === 0 ? 9 : 6;
        const r0 = 0.0193 * px, r1 = (i % 5 === 0 ? 0.0176 : 0.0183) * px;
        g.beginPath();
        g.moveTo(c + Math.sin(a) * r0, c - Math.cos(a) * r0);
        g.lineTo(c + Math.sin(a) * r1, c - Math.cos(a) * r1);
        g.stroke();
      }
    }
    for (let n = 10; n < 60; n += 10) {
      arcText(g, String(n), c, c, 0.018 * px, (n * Math.PI) / 30, `400 ${Math.round(0.0026 * px)}px "${FONT.sans}"`, '#ecece6');
    }
  });
}

/** Caseback engraving (alpha decal): text ring, serial at 6 and, on a solid back, the emblem. */
export function casebackTexture(spec: WatchSpec): Texture {
  return drawTexture(512, 512, (g, w) => {
    const px = w / BACK_DECAL;
    const c = w / 2;
    const ink = 'rgba(70,72,78,0.85)';
    g.strokeStyle = ink;
    g.lineWidth = 2;
    g.beginPath();
    g.arc(c, c, 0.0145 * px, 0, Math.PI * 2);
    g.stroke();
    arcText(g, 'HALVARD · MERIDIAN · STAINLESS STEEL · WATER RESISTANT 300 M', c, c, 0.0132 * px, 0, `400 ${Math.round(0.0011 * px)}px "${FONT.sans}"`, ink, 0.6);
    if (spec.solidBack) {
      emblem(g, c, c - 0.002 * px, 0.0042 * px, ink);
      centredText(g, 'REF. HM-4100', c, c + 0.0048 * px, `400 ${Math.round(0.0013 * px)}px "${FONT.sans}"`, ink, undefined, 2);
    }
    // serial at 6 o'clock, engraved upright
    g.fillStyle = '#1c1d20';
    centredText(g, spec.serial, c, c + 0.0106 * px, `400 ${Math.round(0.0012 * px)}px "${FONT.mono}"`, 'rgba(40,41,45,0.95)', 0.012 * px);
  }, { alpha: true });
}

/** Through the display back of the counterfeit: a generic gilt clone movement. */
export function movementTexture(): Texture {
  return drawTexture(512, 512, (g, w) => {
    const c = w / 2;
    grain(g, w, w, '#b89a5a', 0.12, 21);
    g.fillStyle = '#d2b06a';
    g.beginPath();
    g.moveTo(c, c);
    g.arc(c, c, c - 8, -2.4, 0.7);
    g.closePath();
    g.fill();
    for (let i = 0; i < 40; i++) {
      g.strokeStyle = 'rgba(255,240,200,0.25)';
      g.beginPath();
      g.arc(c, c, 40 + i * 5, -2.4, 0.7);
      g.stroke();
    }
    centredText(g, '21 JEWELS', c - 60, c + 40, `700 26px "${FONT.sans}"`, '#5b4520');
    for (const [x, y] of [[120, 360], [380, 140], [300, 400], [150, 150]] as const) {
      g.fillStyle = '#a3142a';
      g.beginPath(); g.arc(x, y, 9, 0, Math.PI * 2); g.fill();
      g.fillStyle = '#333';
      g.beginPath(); g.arc(x + 30, y - 10, 11, 0, Math.PI * 2); g.fill();
    }
    g.fillStyle = '#777';
    g.beginPath(); g.arc(c, c, 22, 0, Math.PI * 2); g.fill();
  });
}

/** The emblem etched into the crystal at 6: a fine dot matrix (genuine) or solid strokes (copy). */
export function etchTexture(style: 'dots' | 'solid'): Texture {
  return drawTexture(128, 128, (g, w) => {
    g.clearRect(0, 0, w, w);
    emblem(g, w / 2, w / 2, w * 0.46, style === 'solid' ? 'rgba(240,244,248,0.9)' : 'rgba(225,232,240,0.75)');
    if (style === 'solid') return;
    // keep only a grid of fine dots inside the emblem
    g.globalCompositeOperation = 'destination-in';
    g.fillStyle = '#fff';
    g.beginPath();
    for (let y = 3; y < w; y += 7) for (let x = 3; x < w; x += 7) { g.moveTo(x + 2.4, y); g.arc(x, y, 2.4, 0, Math.PI * 2); }
    g.fill();
    g.globalCompositeOperation = 'source-over';
  }, { alpha: true });
}
