/**
 * The trainee's own pins, drawn apart from the tells' red badges so the two never read alike:
 * a blue numbered badge while answering; afterwards a ring, green where the pin found a tell and
 * red where it was a false alarm. Drawn once per number and state, and shared.
 */
import type { CanvasTexture } from 'three';
import { badgeTexture } from '../pin-texture';

export type TraineePinState = 'placed' | 'hit' | 'miss';

const COLOURS: Record<TraineePinState, string> = { placed: '#0b6bcb', hit: '#1f8a4c', miss: '#c4312f' };
export function traineePinTexture(n: number, state: TraineePinState): CanvasTexture {
  return badgeTexture(`trainee:${n}:${state}`, (g) => drawTraineePin(g, n, state));
}

function drawTraineePin(g: CanvasRenderingContext2D, n: number, state: TraineePinState): void {
  const colour = COLOURS[state];
  if (state === 'placed') {
    g.beginPath();
    g.arc(64, 64, 52, 0, Math.PI * 2);
    g.fillStyle = colour;
    g.fill();
    g.lineWidth = 10;
    g.strokeStyle = '#ffffff';
    g.stroke();
    g.fillStyle = '#ffffff';
    g.font = 'bold 60px system-ui, sans-serif';
    g.fillText(String(n), 64, 68);
  } else {
    // A hollow ring, so the tell's badge (or the bare surface) shows through, with the number on a tab.
    g.beginPath();
    g.arc(64, 72, 44, 0, Math.PI * 2);
    g.lineWidth = 11;
    g.strokeStyle = '#ffffff';
    g.stroke();
    g.lineWidth = 7;
    g.strokeStyle = colour;
    g.stroke();
    g.beginPath();
    g.arc(64, 20, 19, 0, Math.PI * 2);
    g.fillStyle = colour;
    g.fill();
    g.fillStyle = '#ffffff';
    g.font = 'bold 26px system-ui, sans-serif';
    g.fillText(String(n), 64, 22);
  }
}
