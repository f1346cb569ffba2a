/** Bramble Bear textures: mohair-like fur, the sewn-in law label, the ear-button emblem. */
import { drawTexture, centredText, grain, ringBadge, seeded, type Ctx, type Texture } from '../../lib/texture';
import { FONT } from '../../lib/fonts';

export function fur(base: string, seed = 3): Texture {
  return drawTexture(512, 512, (g, w, h) => {
    grain(g, w, h, base, 0.12, seed);
    const rnd = seeded(seed + 11);
    g.lineCap = 'round';
    for (let i = 0; i < 9000; i++) {
      const x = rnd() * w, y = rnd() * h, a = Math.PI * 0.35 + rnd() * 0.5, len = 5 + rnd() * 9;
      const light = rnd() > 0.55;
      g.strokeStyle = light ? `rgba(235,200,150,${0.12 + rnd() * 0.2})` : `rgba(40,20,8,${0.1 + rnd() * 0.22})`;
      g.lineWidth = 0.8 + rnd() * 1.4;
      g.beginPath();
      g.moveTo(x, y);
      g.lineTo(x + Math.cos(a) * len, y + Math.sin(a) * len);
      g.stroke();
    }
  }, { quality: 80 });
}

export interface LabelSpec {
  wordmark: string;
  /** Maker's name/address and batch line printed. */
  traceable: boolean;
  /** Conformity-mark height in mm and its width/height ratio. */
  markMm: number;
  markAspect: number;
}

/** Label texture, 70 x 45 mm at 9.6 px/mm; left 12 mm disappear into the seam. */
export const LABEL_MM = { w: 70, h: 45 };
export const PX = 9.6;

function conformityMark(g: Ctx, cx: number, cy: number, hPx: number, aspect: number): void {
  g.save();
  g.translate(cx, cy);
  g.scale(aspect, 1);
  const r = hPx / 2;
  g.strokeStyle = '#1d1d1d';
  g.lineWidth = r * 0.14;
  g.beginPath();
  g.arc(0, 0, r * 0.92, 0, Math.PI * 2);
  g.stroke();
  centredText(g, 'TS', -r * 0.08, -r * 0.08, `700 ${Math.round(r * 0.95)}px "${FONT.sans}"`, '#1d1d1d');
  g.beginPath();
  g.moveTo(-r * 0.45, r * 0.45);
  g.lineTo(-r * 0.15, r * 0.68);
  g.lineTo(r * 0.55, r * 0.3);
  g.stroke();
  g.restore();
}

export function lawLabel(spec: LabelSpec): Texture {
  return drawTexture(Math.round(LABEL_MM.w * PX), Math.round(LABEL_MM.h * PX), (g, w, h) => {
    grain(g, w, h, '#f4f1ea', 0.05, 9);
    // woven satin ribs
    for (let y = 0; y < h; y += 3) {
      g.fillStyle = 'rgba(0,0,0,0.035)';
      g.fillRect(0, y, w, 1);
    }
    const mm = (v: number) => v * PX;
    g.fillStyle = 'rgba(0,0,0,0.08)';
    g.fillRect(0, 0, mm(12), h);
    const cx = mm(41);
    const ink = '#262626';
    centredText(g, spec.wordmark, cx, mm(5.5), `700 ${mm(5.2)}px "${FONT.serif}"`, '#5b2a3c', mm(54), 2);
    centredText(g, 'Bramble Bear  ·  Model BB-30', cx, mm(11.5), `400 ${mm(3)}px "${FONT.sans}"`, ink, mm(54));
    if (spec.traceable) {
      centredText(g, 'Brambleworth Toys Ltd, 14 Fennel Row', cx, mm(16.5), `400 ${mm(2.6)}px "${FONT.sans}"`, ink, mm(54));
      centredText(g, 'Marlow Cross MX4 2BT, Albion', cx, mm(20.3), `400 ${mm(2.6)}px "${FONT.sans}"`, ink, mm(54));
      centredText(g, 'Batch BB30-24-117', cx, mm(24.8), `400 ${mm(2.8)}px "${FONT.mono}"`, ink, mm(54));
    } else {
      centredText(g, 'Made in PRC', cx, mm(18.5), `400 ${mm(2.8)}px "${FONT.sans}"`, ink, mm(54));
    }
    centredText(g, 'All new material · Polyester fibres 100%', cx - mm(5), mm(30), `400 ${mm(2.2)}px "${FONT.sans}"`, ink, mm(42));
    centredText(g, 'Suitable from birth · Surface wash only', cx - mm(5), mm(34), `400 ${mm(2.2)}px "${FONT.sans}"`, ink, mm(42));
    conformityMark(g, mm(62), mm(33), mm(spec.markMm), spec.markAspect);
  });
}

/** Embossed emblem on the brass ear button: "BW" under a bramble leaf. */
export function buttonEmblem(): Texture {
  return ringBadge(128, { radius: 56, width: 5, colour: 'rgba(70,45,10,0.9)' }, (g, w, h) => {
    g.fillStyle = 'rgba(70,45,10,0.9)';
    g.beginPath();
    g.ellipse(w / 2, h * 0.3, 10, 18, Math.PI / 2, 0, Math.PI * 2);
    g.fill();
    centredText(g, 'BW', w / 2, h * 0.62, `700 44px "${FONT.serif}"`, 'rgba(70,45,10,0.95)');
  });
}
