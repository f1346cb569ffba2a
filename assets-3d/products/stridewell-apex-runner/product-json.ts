/**
 * Writes content/products/stridewell-apex-runner/product.json; tell points come from the builder's shape functions.
 *   npx tsx assets-3d/products/stridewell-apex-runner/product-json.ts
 */
import { surfacePoint, writeProductJson } from '../../lib/product-json';
import { fileURLToPath } from 'node:url';
import { THREE } from '../../lib/shapes';
import { APEX_S, GLUE, INSOLE_OFF, LABEL, LOGO, STITCH_T, TAB, UVMARK_S, tongueFrame, type ShoeSpec } from './build';
import { LEN, halfWidth, midsoleThick, soleTop, upperNormal, upperPoint, zOf } from './shape';
import { SPECS } from './variants';

const sp = (node: string, p: THREE.Vector3, n: THREE.Vector3) => surfacePoint(node, p.toArray(), n.toArray());
const G = SPECS.genuine!, A = SPECS['counterfeit-a']!, B = SPECS['counterfeit-b']!;

const onUpper = (spec: ShoeSpec, s: number, t: number) => sp('upper', upperPoint(s, t, 1, spec.outsole), upperNormal(s, t, 1, spec.outsole));
const onLabel = (spec: ShoeSpec, texY: number) => {
  const tf = tongueFrame(spec.outsole);
  const p = tf.front(0, LABEL.up + (0.5 - texY / 320) * LABEL.h).addScaledVector(tf.normal, 0.0003);
  return sp('tongue-label', p, tf.normal);
};
const midsoleWall = (spec: ShoeSpec, s: number) => {
  const slope = (halfWidth(s + 0.0005) - halfWidth(s - 0.0005)) / 0.001;
  return sp('midsole', new THREE.Vector3(halfWidth(s), spec.outsole + 0.5 * midsoleThick(s), zOf(s)), new THREE.Vector3(1, 0, -slope));
};
const tabTop = (spec: ShoeSpec) => sp('heel-tab', new THREE.Vector3(0, soleTop(0, spec.outsole) + TAB.base + spec.tabH - 0.004, zOf(0) - 0.0008 - TAB.depth - 0.001), new THREE.Vector3(0, 0, -1));
const insole = (spec: ShoeSpec, node: string, lift: number) => {
  const ys = (s: number) => soleTop(s, spec.outsole);
  const slope = (ys(UVMARK_S + 0.001) - ys(UVMARK_S - 0.001)) / 0.002;
  const n = new THREE.Vector3(0, 1, -slope).normalize();
  return sp(node, new THREE.Vector3(0, ys(UVMARK_S) + INSOLE_OFF, zOf(UVMARK_S)).addScaledVector(n, lift), n);
};
const glue = (spec: ShoeSpec, node: string, lift: number) =>
  sp(node, upperPoint(GLUE.s, GLUE.t, 1, spec.outsole).addScaledVector(upperNormal(GLUE.s, GLUE.t, 1, spec.outsole), lift), upperNormal(GLUE.s, GLUE.t, 1, spec.outsole));

export const product = {
  id: 'stridewell-apex-runner',
  name: 'Stridewell Apex running shoe',
  brand: 'Stridewell',
  category: 'footwear',
  hsCode: '6404.11',
  description:
    'A lightweight road-running shoe with a teal knit upper, perforated toe box, padded collar and a white foam midsole moulded with the model name. The tongue label carries the style code, size and production window; the insole hides a UV-reactive comet logo.',
  cocoClasses: ['handbag'],
  photos: [],
  variants: [
    {
      id: 'genuine', kind: 'genuine', label: 'Genuine — reference sample', model: 'models/genuine.glb', weightGrams: 285,
      provenance: 'Reference sample (right shoe, US 9) supplied by the rights holder, Stridewell Athletic, 2025.', tells: [],
    },
    {
      id: 'counterfeit-a', kind: 'counterfeit', label: 'Counterfeit A — container seizure', model: 'models/counterfeit-a.glb', weightGrams: 372,
      provenance: 'Seized at a fictional container port from a consignment declared as "rubber mats", 2025, case file CP-25-2290.',
      tells: [
        {
          id: 'sparse-sole-stitching', title: 'Long, uneven sole-line stitches', category: 'stitching-construction', iso: 'covert', tool: 'loupe',
          genuine: 'The stitch row above the midsole is tight and regular: 9 equal stitches in every 3 cm.',
          counterfeit: 'About 6 stitches per 3 cm, of visibly different lengths, with wandering gaps.',
          severity: 'major', tolerance: 0.04,
          at: onUpper(A, 0.5 * LEN, STITCH_T), genuineAt: onUpper(G, 0.5 * LEN, STITCH_T),
        },
        {
          id: 'blunt-logo', title: 'Comet logo drawn wrong', category: 'logo-typography', iso: 'overt', tool: 'naked-eye',
          genuine: 'The comet on the side tapers from a hairline tail to a broad head and ends in a separate round dot.',
          counterfeit: 'The arc is the same thickness all along and the dot is missing, so it reads as a plain curved stripe.',
          severity: 'critical', tolerance: 0.04,
          at: onUpper(A, LOGO.s, LOGO.t), genuineAt: onUpper(G, LOGO.s, LOGO.t),
        },
        {
          id: 'serif-label-wordmark', title: 'Serif wordmark on tongue label', category: 'logo-typography', iso: 'covert', tool: 'loupe',
          genuine: 'STRIDEWELL on the tongue label is set in a bold geometric sans with tight, even spacing.',
          counterfeit: 'The wordmark is set in a light serif face that Stridewell does not use anywhere.',
          severity: 'major', tolerance: 0.02,
          at: onLabel(A, 140), genuineAt: onLabel(G, 140),
        },
        {
          id: 'glue-under-uv', title: 'Glue smear glows under UV', category: 'stitching-construction', iso: 'covert', tool: 'uv',
          genuine: 'Under UV the sole line stays clean: the bond between upper and midsole leaves no residue.',
          counterfeit: 'A blotchy strip of excess adhesive glows yellow-green just above the midsole on the outer side.',
          severity: 'minor', tolerance: 0.04,
          at: glue(A, 'glue-marks', GLUE.lift), genuineAt: glue(G, 'upper', 0),
        },
        {
          id: 'heavy-shoe', title: 'Shoe far too heavy', category: 'materials-colour', iso: 'covert', tool: 'weight',
          genuine: 'One US 9 shoe weighs about 285 g; the outsole rubber is 6 mm thick.',
          counterfeit: 'The shoe weighs about 372 g, mostly from a dense 9.5 mm slab of outsole rubber.',
          severity: 'major', tolerance: 0.08,
          at: onUpper(A, 0.65 * LEN, 1), genuineAt: onUpper(G, 0.65 * LEN, 1),
        },
      ],
    },
    {
      id: 'counterfeit-b', kind: 'counterfeit', label: 'Counterfeit B — online parcel', model: 'models/counterfeit-b.glb', weightGrams: 280,
      provenance: 'Detained in an express-courier parcel at a fictional airport hub, 2025, case file EX-25-0876; sold on a social-media shop.',
      tells: [
        {
          id: 'missing-apex-moulding', title: 'No moulded model name', category: 'stitching-construction', iso: 'overt', tool: 'naked-eye',
          genuine: 'The outer side of the midsole has APEX moulded into the foam, in raised letters about 12 mm tall.',
          counterfeit: 'The midsole wall is blank: the mould carries no model name at all.',
          severity: 'major', tolerance: 0.04,
          at: midsoleWall(B, APEX_S), genuineAt: midsoleWall(G, APEX_S),
        },
        {
          id: 'impossible-production-window', title: 'Production window ends before it starts', category: 'label-serial-codes', iso: 'covert', tool: 'loupe',
          genuine: 'The label line MFD 09/25-12/25 gives a start and end month that run forwards and match the model season.',
          counterfeit: 'The label reads MFD 03/26-11/25: the window closes months before it opens, so the label was made up.',
          severity: 'critical', tolerance: 0.02,
          at: onLabel(B, 272), genuineAt: onLabel(G, 272),
        },
        {
          id: 'short-pull-tab', title: 'Heel pull tab too short', category: 'stitching-construction', iso: 'covert', tool: 'measure',
          genuine: 'The orange heel pull tab stands 32 mm tall.',
          counterfeit: 'The tab measures only 22 mm, so it barely clears the collar.',
          severity: 'minor', tolerance: 0.03,
          at: tabTop(B), genuineAt: tabTop(G),
        },
        {
          id: 'glowing-insole', title: 'Insole glows, UV comet missing', category: 'security-feature', iso: 'covert', tool: 'uv',
          genuine: 'Under UV the insole stays dark except for a small green comet logo printed in invisible ink at the heel.',
          counterfeit: 'The whole insole fluoresces blue from brightened fabric, and the hidden comet is absent.',
          severity: 'critical', tolerance: 0.04,
          at: insole(B, 'insole', 0), genuineAt: insole(G, 'uv-mark', 0.0009),
        },
        {
          id: 'fine-perforations', title: 'Wrong toe-box perforations', category: 'materials-colour', iso: 'covert', tool: 'loupe',
          genuine: 'The toe box is punched with round holes about 1.5 mm across in an open staggered grid.',
          counterfeit: 'The holes are pin-pricks under 1 mm, packed more than twice as densely.',
          severity: 'minor', tolerance: 0.04,
          at: onUpper(B, 0.8 * LEN, 0.4), genuineAt: onUpper(G, 0.8 * LEN, 0.4),
        },
      ],
    },
  ],
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeProductJson(product);
}
