/**
 * Writes content/products/verleine-flap-bag/product.json; tell points come from the builder's constants.
 *   npx tsx assets-3d/products/verleine-flap-bag/product-json.ts
 */
import { surfacePoint as pt, writeProductJson } from '../../lib/product-json';
import type { Tell } from '../../../src/domain/catalogue';
import { fileURLToPath } from 'node:url';
import { CLASP, FLAP_BOTTOM, FLAP_TOP, FLAP_YC, FZ, GENUINE, L, PIPE_R, PIPE_Z, POCKET, SERIAL, STAMP, UVMARK } from './build';
import { SPECS } from './variants';

type V3 = [number, number, number];
const FRONT: V3 = [0, 0, 1], BACK: V3 = [0, 0, -1];

// A quilting line of the flap (x + y = c) for each variant's shift.
const onLine = (k: number, y: number, shift: number): V3 => [k * L + shift - y, y, FZ];
const B = SPECS['counterfeit-b']!;
const misY = FLAP_BOTTOM + 0.006;
const claspMono = (dx: number): V3 => [(dx / 384) * CLASP.w, CLASP.y + (0.5 - 100 / 256) * CLASP.h, CLASP.z];
/** A stitch on the back panel, found by the tell checker (identical on every variant). */
export const BACK_STITCH: V3 = [0.0644, 0.12793, -0.03305];

/** Typed, so that a misspelt category or tool fails the typecheck before the schema check. */
const tell = (t: Tell) => t;

export const product = {
  id: 'verleine-flap-bag',
  name: 'Verleine Soirée quilted flap bag',
  brand: 'Verleine',
  category: 'handbag',
  hsCode: '4202.21',
  description:
    'A medium evening bag in quilted burgundy lambskin: diamond quilting stitched through to a padded lining, a front flap with leather piping, an engraved plated clasp and a shoulder chain of solid brass links. Each bag carries a gold-foil stamp and an engraved serial plate on the back pocket.',
  cocoClasses: ['handbag', 'backpack', 'suitcase'],
  photos: [],
  variants: [
    {
      id: 'genuine', kind: 'genuine', label: 'Genuine — reference sample', model: 'models/genuine.glb', weightGrams: 780,
      provenance: 'Reference sample supplied by the rights holder (Verleine SA, brand protection desk), 2025.', tells: [],
    },
    {
      id: 'counterfeit-a', kind: 'counterfeit', label: 'Counterfeit A — market seizure', model: 'models/counterfeit-a.glb', weightGrams: 585,
      provenance: 'Seized from a market stall by a fictional city trading-standards team, 2025, case file TS-25-0412.',
      tells: [
        tell({
          id: 'sparse-quilt-stitching', title: 'Too few stitches per diamond', category: 'stitching-construction', iso: 'covert', tool: 'measure',
          genuine: 'Every 34 mm edge of a quilted diamond carries 10 even stitches of the same length.',
          counterfeit: 'Only about 7 stitches per diamond edge, and they vary in length and spacing along the line.',
          severity: 'major', tolerance: 0.03,
          at: pt('flap', onLine(1, 0.108, 0), FRONT), genuineAt: pt('flap', onLine(1, 0.108, 0), FRONT),
        }),
        tell({
          id: 'misspelt-heat-stamp', title: 'Misspelt heat stamp', category: 'logo-typography', iso: 'overt', tool: 'naked-eye',
          genuine: 'The gold-foil stamp on the back pocket reads VERLEINE in a fine, evenly spaced serif.',
          counterfeit: 'The stamp reads VERLIENE, with the I and E swapped, and the letters are struck heavier.',
          severity: 'critical', tolerance: 0.03,
          at: pt('heat-stamp', [0, STAMP.y, POCKET.z - 0.0003], BACK), genuineAt: pt('heat-stamp', [0, STAMP.y, POCKET.z - 0.0003], BACK),
        }),
        tell({
          id: 'missing-uv-monogram', title: 'No covert UV monogram', category: 'security-feature', iso: 'covert', tool: 'uv',
          genuine: 'Under a UV lamp a small ringed double-V monogram glows green to the right of the serial plate; it cannot be seen in daylight.',
          counterfeit: 'The pocket stays dark under UV: the hidden monogram was never printed.',
          severity: 'critical', tolerance: 0.02,
          at: pt('back-pocket', [UVMARK.x, UVMARK.y, POCKET.z], BACK), genuineAt: pt('uv-monogram', [UVMARK.x, UVMARK.y, POCKET.z - 0.0003], BACK),
        }),
        tell({
          id: 'underweight-hollow-chain', title: 'Bag far too light', category: 'materials-colour', iso: 'covert', tool: 'weight',
          genuine: 'The bag weighs about 780 g, most of it in the shoulder chain of solid 3.4 mm brass links.',
          counterfeit: 'The bag weighs about 585 g: the chain is thin hollow alloy wire, about 2.2 mm thick.',
          severity: 'major', tolerance: 0.06,
          at: pt('flap', [0, FLAP_YC, FZ], FRONT), genuineAt: pt('flap', [0, FLAP_YC, FZ], FRONT),
        }),
        tell({
          id: 'brassy-plating', title: 'Brassy, glossy plating', category: 'materials-colour', iso: 'overt', tool: 'naked-eye',
          genuine: 'Clasp, chain and eyelets share a soft pale-gold plating with a satin sheen.',
          counterfeit: 'The metal is a loud lemon-yellow with a mirror gloss, quite unlike the muted genuine finish.',
          severity: 'minor', tolerance: 0.03, wholePart: true,
          at: pt('clasp-plate', [0.013, CLASP.y - 0.006, CLASP.z], FRONT), genuineAt: pt('clasp-plate', [0.013, CLASP.y - 0.006, CLASP.z], FRONT),
        }),
      ],
    },
    {
      id: 'counterfeit-b', kind: 'counterfeit', label: 'Counterfeit B — online parcel', model: 'models/counterfeit-b.glb', weightGrams: 770,
      provenance: 'Detained in a postal parcel at a fictional inland mail centre, 2025, case file PX-25-1187; bought from an online marketplace listing.',
      tells: [
        tell({
          id: 'quilt-misaligned-at-flap', title: 'Quilting jumps at the flap', category: 'stitching-construction', iso: 'covert', tool: 'measure',
          genuine: 'Each quilting line of the flap continues the matching line on the body below it, with no visible step.',
          counterfeit: 'The flap quilting is shifted about 6 mm sideways, so every line breaks where the flap meets the body.',
          severity: 'major', tolerance: 0.025,
          at: pt('flap', onLine(2, misY, B.flapQuiltShift), FRONT), genuineAt: pt('flap', onLine(2, misY, 0), FRONT),
        }),
        tell({
          id: 'serial-format', title: 'Wrong serial format', category: 'label-serial-codes', iso: 'covert', tool: 'loupe',
          genuine: 'The serial plate is engraved in a light monospaced face as two letters and six digits in groups of three, e.g. VA·318·405.',
          counterfeit: 'The plate shows VL-0031840-5X in bold sans: seven digits, hyphens and a trailing letter pair, a layout Verleine never uses.',
          severity: 'critical', tolerance: 0.02,
          at: pt('serial-plate', [SERIAL.x, SERIAL.y, SERIAL.z], BACK), genuineAt: pt('serial-plate', [SERIAL.x, SERIAL.y, SERIAL.z], BACK),
        }),
        tell({
          id: 'coarse-clasp-engraving', title: 'Coarse, off-centre clasp engraving', category: 'logo-typography', iso: 'covert', tool: 'loupe',
          genuine: 'The clasp monogram is cut in fine hairlines, centred on the plate, with the wordmark tightly spaced beneath.',
          counterfeit: 'The engraving is about twice as wide, sits some 1.5 mm right of centre, and the wordmark letters are spread far apart.',
          severity: 'major', tolerance: 0.02,
          at: pt('clasp-plate', claspMono(B.claspDx), FRONT), genuineAt: pt('clasp-plate', claspMono(GENUINE.claspDx), FRONT),
        }),
        tell({
          id: 'fluorescent-thread', title: 'Thread glows under UV', category: 'materials-colour', iso: 'covert', tool: 'uv',
          genuine: 'The quilting thread stays dull under a UV lamp.',
          counterfeit: 'Every quilting stitch lights up blue-white under UV, a sign of optically brightened polyester thread.',
          severity: 'major', tolerance: 0.04,
          at: pt('quilt-stitching', BACK_STITCH, BACK), genuineAt: pt('quilt-stitching', BACK_STITCH, BACK),
        }),
        tell({
          id: 'plastic-piping', title: 'Shiny plastic piping', category: 'materials-colour', iso: 'overt', tool: 'naked-eye',
          genuine: 'The flap edge is piped in matte lambskin that matches the body colour.',
          counterfeit: 'The piping is glossy PVC in a brighter red that catches the light along the whole flap edge.',
          severity: 'minor', tolerance: 0.03, wholePart: true,
          at: pt('flap-piping', [0, FLAP_TOP, PIPE_Z + PIPE_R], FRONT), genuineAt: pt('flap-piping', [0, FLAP_TOP, PIPE_Z + PIPE_R], FRONT),
        }),
      ],
    },
  ],
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeProductJson(product);
}
