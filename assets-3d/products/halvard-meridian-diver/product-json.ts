/**
 * Writes content/products/halvard-meridian-diver/product.json, taking every tell's surface point
 * from the same constants the builder uses:  npx tsx assets-3d/products/halvard-meridian-diver/product-json.ts
 */
import { tell, writeProductJson } from '../../lib/product-json';
import { anchors, GENUINE } from './spec';
import { COUNTERFEIT_A, COUNTERFEIT_B } from '../halvard-meridian-diver';

const G = anchors(GENUINE), A = anchors(COUNTERFEIT_A), B = anchors(COUNTERFEIT_B);

const product = {
  id: 'halvard-meridian-diver',
  name: 'Halvard Meridian 300 m automatic diver',
  brand: 'Halvard',
  category: 'watch',
  hsCode: '9102.21',
  description: 'A 41 mm stainless-steel automatic dive watch on a three-row steel bracelet, with a black unidirectional bezel, screw-down crown, date at 3 under a magnifier and luminous markers. The genuine reference HM-4100 has a solid engraved caseback and a serial in the chapter ring at 6 o\'clock.',
  cocoClasses: ['clock'],
  photos: [],
  variants: [
    { id: 'genuine', kind: 'genuine', label: 'Genuine — rights-holder reference', model: 'models/genuine.glb', weightGrams: 158, provenance: 'Reference sample supplied by the rights holder (Halvard Horlogerie), 2025.', tells: [] },
    {
      id: 'counterfeit-a', kind: 'counterfeit', label: 'Counterfeit A — market seizure', model: 'models/counterfeit-a.glb', weightGrams: 104,
      provenance: 'Seized from a market stall during a fictional joint customs-police operation, 2025, case file HV-25-0042.',
      notes: 'A "high-grade" copy: dial print and caseback are convincing, so work with the loupe, the lamp and the scale.',
      tells: [
        tell('a-cyclops-offset', 'Magnifier off-centre, date small', 'stitching-construction', 'overt', 'naked-eye', 'major', 0.005, A.cyclops, G.cyclops,
          'The magnifier sits squarely over the date window and enlarges the date about 2.5 times, so the numerals fill the window.',
          'The lens is shifted about 1.3 mm towards 6 o\'clock and barely magnifies: the date looks small, with white space around it.'),
        tell('a-rehaut-uneven', 'Chapter-ring engraving uneven, no serial', 'label-serial-codes', 'covert', 'loupe', 'major', 0.006, A.rehaut6, G.rehaut6,
          'The sloped inner ring repeats HALVARD centred between the hour markers, with even letter spacing, and shows the serial HV24-10837-R at 6 o\'clock.',
          'The repeated brand text drifts off the markers and its letter spacing varies; at 6 there is only a marker dot and no serial.'),
        tell('a-weak-lume', 'Weak, patchy luminous paint', 'materials-colour', 'covert', 'uv', 'minor', 0.008, A.lume12, G.lume12,
          'Under a UV lamp the markers, hand fills and bezel pip charge instantly and glow a bright mint green.',
          'The same parts only give a faint, dull green glow: cheap phosphorescent paint rather than the specified luminous compound.'),
        tell('a-light-weight', 'Too light', 'materials-colour', 'covert', 'weight', 'major', 0.02, A.crystal, G.crystal,
          'With a full-length bracelet the genuine watch weighs 158 g: solid steel links and a solid case.',
          'This one weighs 104 g, a third less: hollow folded links and a base-metal case with steel-coloured plating.'),
        tell('a-etch-solid', 'Crystal emblem etched as solid lines', 'security-feature', 'forensic', 'loupe', 'major', 0.004, A.etch, G.etch,
          'Just inside the ring at 6 o\'clock the crystal carries a 1.2 mm compass-star emblem laser-etched as a fine dot matrix, only seen at an angle under strong magnification.',
          'An emblem is there, but it is etched as solid strokes and reads brighter; resolving the missing dot structure needs a microscope.'),
      ],
    },
    {
      id: 'counterfeit-b', kind: 'counterfeit', label: 'Counterfeit B — postal parcel', model: 'models/counterfeit-b.glb', weightGrams: 158,
      provenance: 'Found in a postal parcel declared as "wall clock" at a fictional international mail centre, 2025, case file HV-25-0317.',
      notes: 'A crude copy: its weight is close to genuine, but the dial, caseback and case profile betray it.',
      tells: [
        tell('b-misspelt-dial', 'Misspelt brand on the dial', 'logo-typography', 'overt', 'naked-eye', 'critical', 0.006, B.brand, G.brand,
          'The dial reads HALVARD in bold capitals under the compass-star emblem.',
          'The dial reads HALVRAD: the A and R are transposed.'),
        tell('b-display-back', 'Display caseback', 'stitching-construction', 'overt', 'naked-eye', 'critical', 0.01, B.backCentre, G.backCentre,
          'The reference HM-4100 has a solid screw-down steel caseback engraved with the emblem and reference; no model of the line has a glass back.',
          'A glass window shows a generic gilt movement marked "21 JEWELS" with no Halvard calibre engraving.'),
        tell('b-thick-case', 'Case too thick', 'stitching-construction', 'covert', 'measure', 'major', 0.008, B.caseSide, G.caseSide,
          'From caseback to crystal the case measures 12.8 mm.',
          'The case measures 14.6 mm: a deeper caseback houses the bulkier clone movement.'),
        tell('b-serial-format', 'Serial in the wrong format', 'label-serial-codes', 'covert', 'loupe', 'major', 0.005, B.backSerial, G.backSerial,
          'Serials follow the pattern HV + two-digit year, a dash, five digits, a dash and a check letter (HV24-10837-R); the same serial repeats in the chapter ring at 6.',
          'Caseback and chapter ring both show "HM00001234": wrong prefix, no year and no check letter.'),
        tell('b-no-etch', 'No emblem etched in the crystal', 'security-feature', 'covert', 'loupe', 'minor', 0.004, B.etch, G.etch,
          'A 1.2 mm dot-matrix emblem is etched into the crystal at 6 o\'clock, visible with a loupe at an angle.',
          'The crystal is clear at 6 o\'clock: no etched emblem at all.'),
      ],
    },
  ],
};

writeProductJson(product);
