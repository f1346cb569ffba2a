/**
 * Writes content/products/voltria-usb-c-charger/product.json, taking every tell's surface point
 * from the same constants the builder uses:  npx tsx assets-3d/products/voltria-usb-c-charger/product-json.ts
 */
import { tell, writeProductJson } from '../../lib/product-json';
import { anchors, GENUINE } from './spec';
import { COUNTERFEIT_A, COUNTERFEIT_B } from '../voltria-usb-c-charger';

const G = anchors(GENUINE), A = anchors(COUNTERFEIT_A), B = anchors(COUNTERFEIT_B);

const product = {
  id: 'voltria-usb-c-charger',
  name: 'Voltria 20 W USB-C wall charger (Europlug)',
  brand: 'Voltria',
  category: 'electrical',
  hsCode: '8504.40',
  description: 'A compact white 20 W USB-C Power Delivery charger with a two-pin Europlug. The genuine unit carries the fictional EVK certification mark, a light grey regulatory print with the maker line, sleeved pins and a covert UV batch mark. Fakes of this size are a fire and shock risk, so every tell here is also a safety finding.',
  cocoClasses: ['cell phone', 'remote', 'mouse'],
  photos: [],
  variants: [
    { id: 'genuine', kind: 'genuine', label: 'Genuine — rights-holder reference', model: 'models/genuine.glb', weightGrams: 46, provenance: 'Reference sample supplied by the rights holder (Voltria Power Systems), 2025.', tells: [] },
    {
      id: 'counterfeit-a', kind: 'counterfeit', label: 'Counterfeit A — online marketplace parcel', model: 'models/counterfeit-a.glb', weightGrams: 27,
      provenance: 'Detained in a small-parcel consignment at a fictional express hub, 2025, case file VT-25-0113.',
      notes: 'A tidy copy that passes a glance at the front; the side print and the pins give it away.',
      tells: [
        tell('a-mark-approved', 'Mark says APPROVED, no licence', 'safety-compliance-mark', 'covert', 'loupe', 'critical', 0.008, A.cert, G.cert,
          'The EVK hexagon is followed by the word CERTIFIED and a licence line "Lic. EV 40217-4" whose last digit is a check digit.',
          'The mark reads APPROVED, a word the certifier never uses, and the licence line is missing altogether.'),
        tell('a-bare-pins', 'Pins without insulating sleeves', 'stitching-construction', 'overt', 'naked-eye', 'critical', 0.01, A.sleeve, G.sleeve,
          'Each pin has a black insulating sleeve over the first 10 mm from the body, so no live metal is exposed while the plug is half inserted.',
          'Both pins are bare metal all the way to the housing: a finger can touch a live pin while the plug is partly in the socket.'),
        tell('a-black-print', 'Black print, maker line dropped', 'packaging-print', 'overt', 'naked-eye', 'minor', 0.008, A.label, G.label,
          'The side print is light grey, almost tone-on-tone, and names the maker (Voltria Power Systems Oy, Tampere) and the assembly country.',
          'The print is stark black and the two maker/assembly lines are simply left out, leaving a gap above the date code.'),
        tell('a-no-uv-mark', 'Covert UV batch mark missing', 'security-feature', 'covert', 'uv', 'major', 0.01, A.uv, G.uv,
          'Under a UV lamp a pale blue lightning-bolt emblem and the batch code "VT 25W14" light up on the left side; in daylight the side looks blank.',
          'The left side stays dark under UV: the invisible batch mark was never printed.'),
        tell('a-light-weight', 'Far too light', 'stitching-construction', 'covert', 'weight', 'major', 0.015, A.top, G.top,
          'A genuine unit weighs 46 g: a transformer, shielding, potting and a full-size board fill the housing.',
          'This one weighs 27 g, about 40 % less, pointing to a bare-bones board with missing isolation parts.'),
      ],
    },
    {
      id: 'counterfeit-b', kind: 'counterfeit', label: 'Counterfeit B — port container seizure', model: 'models/counterfeit-b.glb', weightGrams: 45,
      provenance: 'One of 2,400 units seized from a container declared as "plastic adapters" at a fictional seaport, 2025, case file VT-25-0287.',
      notes: 'Weight and general look are close to genuine; check the spelling, the mark, the pin gauge and the UV response.',
      tells: [
        tell('b-misspelt-wordmark', 'Misspelt wordmark', 'logo-typography', 'overt', 'naked-eye', 'major', 0.01, B.wordmark, G.wordmark,
          'The top carries the lightning emblem and the lower-case wordmark "voltria".',
          'The wordmark reads "voltira": the r and i are swapped.'),
        tell('b-mark-redrawn', 'Redrawn certification mark', 'safety-compliance-mark', 'covert', 'loupe', 'critical', 0.008, B.cert, G.cert,
          'The letters E, V and K climb diagonally inside a hexagon; the licence number has five digits and a numeric check digit (EV 40217-4).',
          'The letters sit side by side, squeezed into a circle, and the licence number ends in the letters "TJ", a suffix the certifier never issues.'),
        tell('b-pin-gauge', 'Pins off-gauge', 'stitching-construction', 'covert', 'measure', 'critical', 0.01, B.sleeve, G.sleeve,
          'Pins are 4.0 mm in diameter at 19.0 mm centre-to-centre, the standard two-pin gauge.',
          'Pins measure 4.8 mm across at 17.5 mm centres: they will not seat properly in a standard socket and can overheat.'),
        tell('b-glossy-pins', 'Glossy plating flaking off', 'materials-colour', 'forensic', 'loupe', 'minor', 0.008, B.pinTip, G.pinTip,
          'Pins have an even satin nickel finish; the alloy is solid brass right through (confirmed by X-ray fluorescence in the lab).',
          'Pins are mirror-bright and the plating is already flaking near the tip, showing dull brownish base metal; lab analysis would show plated steel.'),
        tell('b-housing-glows', 'Housing glows blue under UV', 'security-feature', 'covert', 'uv', 'major', 0.015, B.uv, G.uv,
          'Under UV the housing stays dull and only the covert batch mark on the left side glows.',
          'The whole housing fluoresces bright blue (recycled plastic with optical brightener) and there is no batch mark.'),
      ],
    },
  ],
};

writeProductJson(product);
