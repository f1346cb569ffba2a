/** One parameterised builder for every variant of the Voltria 20 W USB-C charger. */
import { ModelBuilder, type MaterialSpec } from '../../lib/model';
import { THREE, roundedBox, roundedSlab, decal, lathe } from '../../lib/shapes';
import { grain, drawTexture, seeded } from '../../lib/texture';
import type { ChargerSpec } from './spec';
import { BODY, CY, PIN_LEN, SLEEVE_LEN, LABEL, CERT } from './spec';
import { certTexture, labelTexture, uvMarkTexture, wordmarkTexture } from './textures';

const shell = drawTexture(256, 256, (g, w, h) => grain(g, w, h, '#f3f3f0', 0.05, 4));
const wearMap = drawTexture(128, 128, (g, w, h) => {
  const rnd = seeded(17);
  for (let i = 0; i < 26; i++) {
    g.fillStyle = `rgba(${90 + rnd() * 40},${78 + rnd() * 30},${60 + rnd() * 20},${0.6 + rnd() * 0.4})`;
    g.beginPath();
    g.ellipse(rnd() * w, rnd() * h, 6 + rnd() * 16, 4 + rnd() * 10, rnd() * 3, 0, Math.PI * 2);
    g.fill();
  }
}, { alpha: true });
const bodyMat: MaterialSpec = { color: '#ffffff', roughness: 0.38, map: shell };
const printMat = (map: ReturnType<typeof labelTexture>): MaterialSpec => ({ color: '#ffffff', roughness: 0.5, map, transparent: true });

export function buildCharger(s: ChargerSpec): ModelBuilder {
  const m = new ModelBuilder();
  const back = -BODY.d / 2;
  m.add('body', roundedBox(BODY.w, BODY.h, BODY.d, BODY.r, 4), bodyMat, { position: [0, CY, 0], uvGlow: s.bodyGlow });
  // raised pin-face boss on the back
  m.add('body', roundedSlab(0.027, 0.016, 0.0008, 0.004, 0.0002).rotateY(Math.PI), bodyMat, { position: [0, CY, back + 0.0002], uvGlow: s.bodyGlow });
  // USB-C receptacle on the front: dark opening with its tongue
  const front = BODY.d / 2;
  m.add('port', roundedSlab(0.0092, 0.0034, 0.0003, 0.0017, 0), { color: '#c8cacd', metalness: 1, roughness: 0.3 }, { position: [0, CY - 0.006, front - 0.0001] });
  m.add('port', roundedSlab(0.0084, 0.0026, 0.00025, 0.0013, 0), { color: '#0c0c0d', roughness: 0.8 }, { position: [0, CY - 0.006, front + 0.0001] });
  m.add('port', roundedBox(0.0066, 0.0007, 0.0002, 0.0002, 1), { color: '#2b2b2e', roughness: 0.5 }, { position: [0, CY - 0.006, front + 0.0004] });
  // Europlug pins: metal with rounded tips, insulating sleeves at the root
  const pr = s.pinD / 2;
  const metal: MaterialSpec = s.pinFinish === 'satin'
    ? { color: '#b9bab6', metalness: 1, roughness: 0.5 }
    : { color: '#eceef2', metalness: 1, roughness: 0.06 };
  for (const sx of [1, -1]) {
    const x = (sx * s.pinPitch) / 2;
    const steps = 10;
    const prof: [number, number][] = [[0, 0]];
    for (let i = 0; i <= steps; i++) { const t = (i / steps) * (Math.PI / 2); prof.push([pr * Math.sin(t), pr * (1 - Math.cos(t))]); }
    prof.push([pr, PIN_LEN - 0.0001]);
    m.add('pins', lathe(prof, 32), metal, { position: [x, CY, back - PIN_LEN], rotation: [Math.PI / 2, 0, 0] });
    if (s.sleeves) m.add('pin-sleeves', new THREE.CylinderGeometry(pr + 0.00005, pr + 0.00005, SLEEVE_LEN, 32, 1, true).rotateX(Math.PI / 2), { color: '#26272a', roughness: 0.55 }, { position: [x, CY, back - SLEEVE_LEN / 2] });
    if (s.pinFinish === 'glossy') {
      // plating flaked off near the tip: dull grey-brown patches on the base metal
      const wear = new THREE.CylinderGeometry(pr + 0.00005, pr + 0.00005, 0.003, 32, 1, true, Math.PI - 0.9, 1.8).rotateX(Math.PI / 2);
      m.add('pins-wear', wear, { color: '#ffffff', metalness: 0.4, roughness: 0.85, map: wearMap, transparent: true }, { position: [x, CY, back - PIN_LEN + 0.003] });
    }
  }
  // prints: wordmark on top, regulatory print and certification mark on the right side
  m.add('wordmark', decal(0.02, 0.0075, [0, BODY.h, 0], [0, 1, 0]), printMat(wordmarkTexture(s)));
  m.add('label', decal(LABEL.w, LABEL.h, [BODY.w / 2, CY, 0], [1, 0, 0]), printMat(labelTexture(s)));
  m.add('cert-mark', decal(CERT.size, CERT.size, [BODY.w / 2 + 0.0001, CERT.y, CERT.z], [1, 0, 0]), printMat(certTexture(s)));
  if (s.uvMark) m.add('uv-mark', decal(0.012, 0.009, [-BODY.w / 2, CY, 0], [-1, 0, 0]), printMat(uvMarkTexture()), { uvOnly: true, uvGlow: '#8fd8ff' });
  return m;
}
