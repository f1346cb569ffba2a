/**
 * The trainee's own pins, drawn apart from the tells' red badges so the two never read alike:
 * a blue badge "P1", "P2"… while answering (the tells are plain numbers, so a trainee's pin 1 and
 * tell 1 never read alike); afterwards a ring, green where the pin found a tell and red where it was
 * a false alarm. Drawn once per number and state, and shared.
 */
import type { CanvasTexture } from 'three';
import { badgeTexture, drawDisc, drawRingWithTab } from '../pin-texture';

export type TraineePinState = 'placed' | 'hit' | 'miss';

/** A trainee's pin as the badge and the panel name it: "P1", "P2"… */
export const traineePinName = (n: number) => `P${n}`;

const COLOURS: Record<TraineePinState, string> = { placed: '#0b6bcb', hit: '#1f8a4c', miss: '#c4312f' };
export function traineePinTexture(n: number, state: TraineePinState): CanvasTexture {
  return badgeTexture(`trainee:${n}:${state}`, (g) => drawTraineePin(g, n, state));
}

function drawTraineePin(g: CanvasRenderingContext2D, n: number, state: TraineePinState): void {
  const colour = COLOURS[state];
  if (state === 'placed') drawDisc(g, traineePinName(n), { radius: 52, fill: colour, fontPx: 50 });
  // A ring, so the tell's badge (or the bare surface) shows through.
  else drawRingWithTab(g, traineePinName(n), { ringY: 72, radius: 44, width: 7, colour, outline: 11, text: '#ffffff', fontPx: 20 });
}
