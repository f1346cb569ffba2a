/** Words a user reads for the catalogue's codes. */
import type { IsoClass, RevealTool, Severity, TellCategory } from '../domain/catalogue';

const categories: Record<string, string> = {
  handbag: 'Handbag',
  footwear: 'Footwear',
  watch: 'Watch',
  electrical: 'Electrical',
  medicine: 'Medicine',
  perfume: 'Perfume',
  audio: 'Audio',
  'auto-part': 'Car part',
  toy: 'Toy',
};
export const categoryLabel = (c: string) => categories[c] ?? c;

const tellCategories: Record<TellCategory, string> = {
  'logo-typography': 'Logo & type',
  'security-feature': 'Security feature',
  'stitching-construction': 'Stitching & build',
  'label-serial-codes': 'Label, serial & codes',
  'materials-colour': 'Materials & colour',
  'packaging-print': 'Packaging & print',
  'safety-compliance-mark': 'Safety mark',
};
export const tellCategoryLabel = (c: TellCategory) => tellCategories[c];

const tools: Record<RevealTool, string> = {
  'naked-eye': 'Naked eye',
  loupe: 'Loupe',
  uv: 'UV lamp',
  measure: 'Ruler',
  weight: 'Scale',
};
export const toolLabel = (t: RevealTool) => tools[t];

const iso: Record<IsoClass, string> = { overt: 'Overt', covert: 'Covert', forensic: 'Forensic' };
export const isoLabel = (c: IsoClass) => iso[c];

const severities: Record<Severity, string> = { minor: 'Minor', major: 'Major', critical: 'Critical' };
export const severityLabel = (s: Severity) => severities[s];
