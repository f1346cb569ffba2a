/** Numbered pin badges drawn once on a canvas and shared by every pin with that number and state. */
import { CanvasTexture, SRGBColorSpace } from 'three';

const cache = new Map<string, CanvasTexture>();

/** A 128 px badge drawn once per key on a canvas (text centred), then shared by every pin that shows it. */
export function badgeTexture(key: string, draw: (g: CanvasRenderingContext2D) => void): CanvasTexture {
  let t = cache.get(key);
  if (t) return t;
  const c = document.createElement('canvas');
  c.width = c.height = 128;
  const g = c.getContext('2d')!;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  draw(g);
  t = new CanvasTexture(c);
  t.colorSpace = SRGBColorSpace;
  cache.set(key, t);
  return t;
}

export function pinTexture(n: number, selected: boolean): CanvasTexture {
  return badgeTexture(`tell:${n}:${selected}`, (g) => drawTellPin(g, n, selected));
}

/** A filled, white-rimmed disc with the number in it: a pin as placed. */
export function drawDisc(g: CanvasRenderingContext2D, n: number | string, o: { radius: number; fill: string; fontPx: number }): void {
  g.beginPath();
  g.arc(64, 64, o.radius, 0, Math.PI * 2);
  g.fillStyle = o.fill;
  g.fill();
  g.lineWidth = 10;
  g.strokeStyle = '#ffffff';
  g.stroke();
  g.fillStyle = '#ffffff';
  g.font = `bold ${o.fontPx}px system-ui, sans-serif`;
  g.fillText(String(n), 64, 68);
}

/**
 * A hollow ring, so the mark it points at shows through, with the number on a tab above it;
 * `outline` draws a white ring under the coloured one, to stand out on any surface.
 */
export function drawRingWithTab(
  g: CanvasRenderingContext2D,
  n: number | string,
  o: { ringY: number; radius: number; width: number; colour: string; outline?: number; text: string; fontPx: number },
): void {
  g.beginPath();
  g.arc(64, o.ringY, o.radius, 0, Math.PI * 2);
  if (o.outline) {
    g.lineWidth = o.outline;
    g.strokeStyle = '#ffffff';
    g.stroke();
  }
  g.lineWidth = o.width;
  g.strokeStyle = o.colour;
  g.stroke();
  g.beginPath();
  g.arc(64, 20, 19, 0, Math.PI * 2);
  g.fillStyle = o.colour;
  g.fill();
  g.fillStyle = o.text;
  g.font = `bold ${o.fontPx}px system-ui, sans-serif`;
  g.fillText(String(n), 64, 22);
}

function drawTellPin(g: CanvasRenderingContext2D, n: number, selected: boolean): void {
  // The chosen tell: a ring, so the mark it points at shows through.
  if (selected) drawRingWithTab(g, n, { ringY: 70, radius: 46, width: 9, colour: '#ffb400', text: '#1a1a1a', fontPx: 28 });
  else drawDisc(g, n, { radius: 56, fill: '#e5484d', fontPx: 64 });
}
