/** Print for the Cardiolex 10 mg pack: carton atlas, serial block, seal, colour-shift patch, foil print, tablet. */
import { drawTexture, grain, centredText, ringBadge, seeded, type Ctx, type Texture } from '../../lib/texture';
import { FONT } from '../../lib/fonts';

/** Carton atlas regions in pixels of a 1024 x 1024 canvas: [x0, y0, x1, y1]. */
export const ATLAS = {
  front: [0, 0, 1024, 620],
  back: [0, 620, 560, 958],
  top: [560, 620, 1024, 775],
  bottom: [560, 775, 1024, 930],
  end: [0, 0, 24, 620],
} as const;

/** Where the strength box sits on the front, as fractions of the front (x from left, y from top). */
export const STRENGTH_BOX = { fx: 0.68, fy: 0.3 };
const TEAL = '#0f6f7c', CRIMSON = '#b4203a', INK = '#1d2a33';

function meridiaLogo(g: Ctx, x: number, y: number, r: number): void {
  g.strokeStyle = TEAL;
  g.lineWidth = r * 0.22;
  g.beginPath();
  g.arc(x, y, r, Math.PI * 0.15, Math.PI * 1.85);
  g.stroke();
  g.fillStyle = CRIMSON;
  g.beginPath();
  g.moveTo(x - r * 0.5, y + r * 0.45);
  g.lineTo(x - r * 0.5, y - r * 0.45);
  g.lineTo(x, y + r * 0.1);
  g.lineTo(x + r * 0.5, y - r * 0.45);
  g.lineTo(x + r * 0.5, y + r * 0.45);
  g.lineWidth = r * 0.16;
  g.strokeStyle = CRIMSON;
  g.stroke();
}

function wave(g: Ctx, x0: number, y0: number, w: number, h: number): void {
  g.fillStyle = CRIMSON;
  g.beginPath();
  g.moveTo(x0, y0 + h * 0.35);
  g.bezierCurveTo(x0 + w * 0.3, y0 - h * 0.1, x0 + w * 0.6, y0 + h * 0.6, x0 + w, y0 + h * 0.1);
  g.lineTo(x0 + w, y0 + h);
  g.lineTo(x0, y0 + h);
  g.fill();
  g.fillStyle = TEAL;
  g.fillRect(x0, y0 + h * 0.78, w, h * 0.22);
}

export function cartonAtlas(opts: { strengthBold: boolean; seed: number }): Texture {
  return drawTexture(1024, 1024, (g, w, h) => {
    grain(g, w, h, '#f7f6f1', 0.05, opts.seed);
    // front
    const [fx0, fy0, fx1, fy1] = ATLAS.front;
    const fw = fx1 - fx0, fh = fy1 - fy0;
    g.fillStyle = '#eef5f5';
    g.fillRect(0, 0, 24, fh);
    meridiaLogo(g, 70, 70, 34);
    g.font = `700 30px "${FONT.sans}"`;
    g.fillStyle = TEAL;
    g.textBaseline = 'middle';
    g.fillText('Meridia Pharma', 118, 70);
    g.font = `700 100px "${FONT.sans}"`;
    g.fillStyle = INK;
    g.fillText('Cardiolex', 50, 190);
    const wm = g.measureText('Cardiolex').width;
    g.font = `700 18px "${FONT.sans}"`;
    g.fillText('®', 54 + wm, 150);
    // strength box
    const sx = STRENGTH_BOX.fx * fw, sy = STRENGTH_BOX.fy * fh;
    g.strokeStyle = CRIMSON;
    g.lineWidth = 6;
    g.beginPath();
    if (opts.strengthBold) {
      g.rect(sx - 92, sy - 44, 184, 88);
      g.stroke();
      centredText(g, '10 mg', sx - 4, sy + 2, `700 84px "${FONT.sans}"`, '#000000', 196, -2);
    } else {
      g.roundRect(sx - 100, sy - 46, 200, 92, 22);
      g.stroke();
      centredText(g, '10 mg', sx, sy + 2, `400 64px "${FONT.sans}"`, CRIMSON, 160);
    }
    g.font = `400 38px "${FONT.sans}"`;
    g.fillStyle = INK;
    g.fillText('lorvacardin', 54, 292);
    g.font = `400 30px "${FONT.sans}"`;
    g.fillText('30 film-coated tablets  ·  Oral use', 54, 345);
    g.fillStyle = TEAL;
    g.font = `400 24px "${FONT.sans}"`;
    g.fillText('Prescription only medicine. Keep out of the sight and reach of children.', 54, 392);
    wave(g, 0, fh * 0.72, fw, fh * 0.28);
    g.fillStyle = '#ffffff';
    g.font = `700 34px "${FONT.sans}"`;
    g.fillText('Cardiolex 10 mg', 620, fh * 0.88);
    // back: leaflet summary
    const [bx0, by0] = ATLAS.back;
    meridiaLogo(g, bx0 + 40, by0 + 40, 20);
    g.fillStyle = INK;
    g.font = `700 30px "${FONT.sans}"`;
    g.fillText('Cardiolex 10 mg', bx0 + 72, by0 + 40);
    g.font = `400 17px "${FONT.sans}"`;
    const lines = [
      'Each film-coated tablet contains 10 mg lorvacardin.',
      'Read the package leaflet before use. Store below 25 °C',
      'in the original package to protect from light and moisture.',
      'Marketing authorisation holder: Meridia Pharma, Lakeside 4,',
      'Vennhaven. Authorisation no. MR-CL/0417/10.',
    ];
    lines.forEach((l, i) => g.fillText(l, bx0 + 24, by0 + 100 + i * 30));
    wave(g, bx0, by0 + 270, 560, 68);
    // top and bottom: colour field
    const [tx0, ty0] = ATLAS.top;
    g.fillStyle = '#e7f1f2';
    g.fillRect(tx0, ty0, 464, 155);
    g.fillStyle = TEAL;
    g.font = `700 26px "${FONT.sans}"`;
    g.fillText('Cardiolex 10 mg', tx0 + 20, ty0 + 40);
    const [ux0, uy0] = ATLAS.bottom;
    g.fillStyle = CRIMSON;
    g.fillRect(ux0, uy0 + 120, 464, 35);
    g.fillStyle = INK;
    g.font = `400 20px "${FONT.sans}"`;
    g.fillText('Meridia Pharma · Vennhaven', ux0 + 20, uy0 + 40);
  });
}

/** Fictional 2D grid code (not a real symbology): L-shaped finder and a clocked edge, random fill. */
function gridCode(g: Ctx, x: number, y: number, size: number, seed: number): void {
  const n = 18, c = size / n;
  const rnd = seeded(seed);
  g.fillStyle = '#ffffff';
  g.fillRect(x - c, y - c, size + 2 * c, size + 2 * c);
  g.fillStyle = '#111111';
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const finder = i === 0 || j === n - 1;
      const clock = (j === 0 && i % 2 === 0) || (i === n - 1 && j % 2 === 1);
      if (finder || clock || (i > 0 && j < n - 1 && j > 0 && i < n - 1 && rnd() > 0.52)) g.fillRect(x + i * c, y + j * c, c + 0.5, c + 0.5);
    }
}

export function serialBlock(opts: { code: '2d' | 'linear'; lines: string[]; seed: number }): Texture {
  return drawTexture(512, 304, (g, w, h) => {
    grain(g, w, h, '#fbfbf8', 0.03, opts.seed);
    g.strokeStyle = '#9aa5ab';
    g.lineWidth = 2;
    g.strokeRect(4, 4, w - 8, h - 8);
    g.fillStyle = '#111111';
    if (opts.code === '2d') {
      gridCode(g, 30, 62, 180, 4471);
    } else {
      const rnd = seeded(opts.seed);
      for (let x = 24; x < 224; ) {
        const bw = 2 + Math.floor(rnd() * 3) * 2;
        g.fillRect(x, 70, bw, 150);
        x += bw + 2 + Math.floor(rnd() * 3) * 2;
      }
      g.font = `400 20px "${FONT.mono}"`;
      g.fillText('5 029471 209364', 36, 246);
    }
    g.font = `400 23px "${FONT.mono}"`;
    g.textBaseline = 'middle';
    opts.lines.forEach((l, i) => g.fillText(l, 250, 76 + i * 48));
  });
}

export function sealTexture(): Texture {
  return drawTexture(128, 192, (g, w, h) => {
    g.fillStyle = 'rgba(214,236,240,0.97)';
    g.fillRect(0, 0, w, h);
    g.strokeStyle = TEAL;
    g.lineWidth = 3;
    g.strokeRect(4, 4, w - 8, h - 8);
    g.strokeStyle = '#6b7378';
    g.lineWidth = 2;
    for (let i = 0; i < 5; i++) {
      // tear slits that break the seal on opening
      g.beginPath();
      g.moveTo(w / 2 - 30 + (i % 2) * 12, 30 + i * 34);
      g.lineTo(w / 2 + 18 + (i % 2) * 12, 44 + i * 34);
      g.stroke();
    }
    g.save();
    g.translate(w / 2, h / 2);
    g.rotate(-Math.PI / 2);
    centredText(g, 'MERIDIA SEALED PACK', 0, 0, `700 15px "${FONT.sans}"`, TEAL, 170, 1);
    g.restore();
  }, { alpha: true });
}

/** Optically variable patch: a metallic foil whose tint runs violet to teal to gold as it tilts. */
export function patchTexture(): Texture {
  return drawTexture(128, 128, (g, w, h) => {
    const grad = g.createLinearGradient(0, 0, w, h);
    grad.addColorStop(0, '#8a4cff');
    grad.addColorStop(0.5, '#22c4a8');
    grad.addColorStop(1, '#f0c23a');
    g.fillStyle = grad;
    g.fillRect(0, 0, w, h);
    g.strokeStyle = 'rgba(255,255,255,0.45)';
    for (let r = 8; r < 90; r += 8) {
      g.beginPath();
      g.arc(w / 2, h / 2, r, 0, Math.PI * 2);
      g.stroke();
    }
    meridiaLogo(g, w / 2, h / 2, 30);
  });
}

export function uvMarkTexture(): Texture {
  return ringBadge(128, { radius: 50, width: 8, colour: '#ffffff' }, (g, w, h) => {
    centredText(g, 'M7', w / 2, h / 2 + 3, `700 52px "${FONT.sans}"`, '#ffffff');
  });
}

export function foilPrint(opts: { lot: string; exp: string }): Texture {
  return drawTexture(512, 256, (g, w, h) => {
    g.clearRect(0, 0, w, h);
    g.fillStyle = 'rgba(15,100,115,0.95)';
    g.font = `700 24px "${FONT.sans}"`;
    g.textBaseline = 'middle';
    g.font = `700 21px "${FONT.sans}"`;
    for (let row = 0; row < 4; row++)
      for (let col = 0; col < 3; col++) g.fillText('Cardiolex 10 mg', 12 + col * 180 - (row % 2) * 90, 28 + row * 44);
    g.fillStyle = 'rgba(180,32,58,0.95)';
    g.font = `400 16px "${FONT.sans}"`;
    g.fillText('Meridia Pharma', 20, 212);
    g.fillStyle = 'rgba(20,20,20,0.95)';
    g.font = `700 20px "${FONT.mono}"`;
    g.fillText(`LOT ${opts.lot}  EXP ${opts.exp}`, 190, 234);
  }, { alpha: true });
}

export function tabletTexture(deboss: boolean): Texture {
  return drawTexture(128, 128, (g, w, h) => {
    grain(g, w, h, '#f3e4e4', 0.05, 11);
    if (!deboss) return;
    g.strokeStyle = '#c9b3b3';
    g.lineWidth = 5;
    g.beginPath();
    g.moveTo(14, h / 2);
    g.lineTo(w - 14, h / 2);
    g.stroke();
    centredText(g, 'C', w / 2, h * 0.3, `700 34px "${FONT.sans}"`, '#c2abab');
    centredText(g, '10', w / 2, h * 0.72, `700 34px "${FONT.sans}"`, '#c2abab');
  });
}
