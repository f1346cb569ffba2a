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

function drawTellPin(g: CanvasRenderingContext2D, n: number, selected: boolean): void {
  if (selected) {
    // The chosen tell: a hollow ring, so the mark it points at shows through, numbered on a tab.
    g.beginPath();
    g.arc(64, 70, 46, 0, Math.PI * 2);
    g.lineWidth = 9;
    g.strokeStyle = '#ffb400';
    g.stroke();
    g.beginPath();
    g.arc(64, 20, 19, 0, Math.PI * 2);
    g.fillStyle = '#ffb400';
    g.fill();
    g.fillStyle = '#1a1a1a';
    g.font = 'bold 28px system-ui, sans-serif';
    g.fillText(String(n), 64, 22);
  } else {
    g.beginPath();
    g.arc(64, 64, 56, 0, Math.PI * 2);
    g.fillStyle = '#e5484d';
    g.fill();
    g.lineWidth = 10;
    g.strokeStyle = '#ffffff';
    g.stroke();
    g.fillStyle = '#ffffff';
    g.font = 'bold 64px system-ui, sans-serif';
    g.fillText(String(n), 64, 68);
  }
}
