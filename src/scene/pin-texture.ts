/** Numbered pin badges drawn once on a canvas and shared by every pin with that number and state. */
import { CanvasTexture, SRGBColorSpace } from 'three';

const cache = new Map<string, CanvasTexture>();

export function pinTexture(n: number, selected: boolean): CanvasTexture {
  const key = `${n}:${selected}`;
  let t = cache.get(key);
  if (t) return t;
  const c = document.createElement('canvas');
  c.width = c.height = 128;
  const g = c.getContext('2d')!;
  g.beginPath();
  g.arc(64, 64, 56, 0, Math.PI * 2);
  g.fillStyle = selected ? '#ffb400' : '#e5484d';
  g.fill();
  g.lineWidth = 10;
  g.strokeStyle = '#ffffff';
  g.stroke();
  g.fillStyle = selected ? '#1a1a1a' : '#ffffff';
  g.font = 'bold 64px system-ui, sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(String(n), 64, 68);
  t = new CanvasTexture(c);
  t.colorSpace = SRGBColorSpace;
  cache.set(key, t);
  return t;
}
