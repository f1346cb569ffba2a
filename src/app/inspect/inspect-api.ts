/** The inspection assistant's calls to the server: products by barcode, records, photos, exports. */
import type { Product } from '../../domain/catalogue';
import type { InspectionInput, InspectionPhoto, InspectionRecord } from '../../domain/inspection';
import type { LocalText } from '../../domain/local-text';
import { ApiError, call, type ProductSummary } from '../api';
import { i18n } from '../../i18n/i18n';

/** Who at the rights holder confirms a suspicion: shown on the inspection page and in the exports. */
export interface VerificationContact {
  organisation: string;
  email?: string;
  phone?: string;
  url?: string;
  note?: string;
}

/** The product as GET /api/products/:id gives it, with the fields the inspection needs. */
export type InspectProduct = Product & {
  gtin?: string;
  verification?: VerificationContact;
  /** The catalogue version (a content hash): sent as the record's contentVersion. */
  version?: string;
};

/** The catalogue version the checklist came from, whatever the server calls it. */
export function contentVersionOf(p: InspectProduct): string {
  return typeof p.version === 'string' && p.version ? p.version : 'unknown';
}

export interface InspectionSummary {
  id: string;
  productId: string;
  productName: LocalText;
  reference: string;
  startedAt: string;
  updatedAt: string;
  consistent: number;
  inconsistent: number;
  notChecked: number;
  photoCount: number;
  contentVersion?: string;
  officer?: { id: string; displayName: string; email: string };
}

const id = encodeURIComponent;
/** The interface's language, for the server's product names and exports. */
const lang = () => (['en', 'es', 'fr'].includes(i18n.language) ? i18n.language : 'en');

export interface PutAnswer {
  record: InspectionRecord;
  created: boolean;
  stale: boolean;
}

async function failure(res: Response, what: string): Promise<ApiError> {
  const data = (await res.json().catch(() => ({}))) as { error?: string; message?: string; issues?: ApiError['issues'] };
  return new ApiError(res.status, data.error ?? 'http_error', data.message ?? `${what} answered ${res.status}`, data.issues);
}

/** The device's IANA time zone (Europe/Madrid), or UTC where the browser does not say. */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export const inspectApi = {
  product: (productId: string) => call<InspectProduct>('GET', `/api/products/${id(productId)}`),
  byGtin: (gtin: string) => call<ProductSummary>('GET', `/api/products/by-gtin/${id(gtin)}`),
  list: () => call<InspectionSummary[]>('GET', `/api/inspections?lang=${lang()}`),
  get: (recordId: string) => call<InspectionRecord>('GET', `/api/inspections/${id(recordId)}`),

  async put(input: InspectionInput): Promise<PutAnswer> {
    const res = await fetch(`/api/inspections/${id(input.id)}`, {
      method: 'PUT',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(input),
      credentials: 'same-origin',
    });
    if (!res.ok) throw await failure(res, `PUT /api/inspections/${input.id}`);
    return { record: (await res.json()) as InspectionRecord, created: res.status === 201, stale: res.headers.get('x-twinspect-stale') === '1' };
  },

  async putPhoto(recordId: string, photo: { id: string; check: string | null; caption: string; keepLocation: boolean; blob: Blob; fileName: string }): Promise<InspectionPhoto> {
    const q = new URLSearchParams({ caption: photo.caption, keepLocation: String(photo.keepLocation) });
    if (photo.check) q.set('check', photo.check);
    const form = new FormData();
    form.append('file', photo.blob, photo.fileName);
    const url = `/api/inspections/${id(recordId)}/photos/${id(photo.id)}?${q}`;
    const res = await fetch(url, { method: 'PUT', body: form, credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!res.ok) throw await failure(res, `PUT ${url}`);
    return (await res.json()) as InspectionPhoto;
  },

  /** In this device's time zone, which the PDF names beside its times. */
  pdfUrl: (recordId: string) => `/api/inspections/${id(recordId)}/record.pdf?lang=${lang()}&tz=${encodeURIComponent(deviceTimeZone())}`,
  jsonUrl: (recordId: string) => `/api/inspections/${id(recordId)}/record.json?lang=${lang()}`,
};
