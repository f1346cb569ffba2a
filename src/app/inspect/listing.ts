/** The inspection home's lists: the catalogue searched by name, and past records from the server and the device. Pure. */
import type { ProductSummary } from '../api';
import type { InspectionSummary } from './inspect-api';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Catalogue entries whose name or brand contains every typed word, at most `limit`. */
export function searchCatalogue(entries: readonly ProductSummary[], query: string, textOf: (p: ProductSummary) => string, limit = 8): ProductSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return entries.filter((p) => words.every((w) => fold(`${textOf(p)} ${p.brand}`).includes(w))).slice(0, limit);
}

export interface ListedRecord extends InspectionSummary {
  onDeviceOnly: boolean;
}

/** The server's summaries and this user's records that only the device has yet, newest edit first. */
export function mergeRecords(server: readonly InspectionSummary[], device: readonly ListedRecord[]): ListedRecord[] {
  const known = new Set(server.map((s) => s.id));
  return [...server.map((s) => ({ ...s, onDeviceOnly: false })), ...device.filter((d) => !known.has(d.id))].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
