/** The studio's calls to /api/studio/ (see README "Authoring (server)"), and uploads with progress. */
import type { ProductDraft } from '../../domain/catalogue';
import { call, errorText } from '../api';
import { i18n } from '../../i18n/i18n';
import type { LocalText } from '../../domain/local-text';

export type VersionStatus = 'draft' | 'in_review' | 'published' | 'superseded' | 'returned';

export interface VersionSummary {
  productId: string;
  version: number;
  status: VersionStatus;
  name: LocalText;
  authorId: string;
  reviewerId: string | null;
  updatedAt: string | null;
}

export interface ProductRecord {
  latest: VersionSummary & { document: ProductDraft };
  history: VersionSummary[];
  comments: { version: number; authorId: string; decision: string; body: string; createdAt: string | null }[];
}

export interface ProductDiff {
  productId: string;
  from: number | null;
  to: number;
  status: VersionStatus;
  changes: string[];
}

export interface UploadIssue {
  code: string;
  message: string;
  pointer: string;
}

export interface ModelSizes {
  bytes: number;
  triangles?: number;
}

export interface UploadedModel {
  kind: 'model';
  file: string;
  url: string;
  original: { format: string; bytes: number; triangles: number };
  optimised: ModelSizes;
  withinBudget: boolean;
  budgetMessage?: string;
}

export interface UploadedPhoto {
  kind: 'photo';
  file: string;
  url: string;
  bytes: number;
}

export type Uploaded = UploadedModel | UploadedPhoto;

/** A refused upload: the server's issues, each saying where in the file (a model's pointer, a pack's file and path). */
export class UploadRefused<I = UploadIssue> extends Error {
  constructor(message: string, readonly issues: I[]) {
    super(message);
  }
}

/** Where an imported pack went: each product's id, its new version (null when it was already here) and status. */
export interface ImportedPack {
  products: Array<{ id: string; version: number | null; status: string }>;
}

/** A pack refused on import: the file in the zip, the path in it, and what is wrong. */
export interface PackIssue {
  file: string;
  path: string;
  message: string;
}

const id = encodeURIComponent;
const base = '/api/studio/products';

export const studioApi = {
  list: () => call<VersionSummary[]>('GET', base),
  /** The built-in catalogue's products: published, kept in the repository's content folder. */
  builtIn: () => call<{ productId: string; name: LocalText }[]>('GET', '/api/studio/built-in'),
  create: (info: Record<string, unknown>) => call<ProductRecord['latest']>('POST', base, info),
  get: (productId: string) => call<ProductRecord>('GET', `${base}/${id(productId)}`),
  saveDraft: (document: ProductDraft) => call<VersionSummary>('PUT', `${base}/${id(document.id)}/draft`, document),
  submit: (productId: string) => call<VersionSummary>('POST', `${base}/${id(productId)}/submit`),
  diff: (productId: string) => call<ProductDiff>('GET', `${base}/${id(productId)}/diff`),
  review: (productId: string, decision: 'publish' | 'return', comment?: string) =>
    call<VersionSummary>('POST', `${base}/${id(productId)}/review`, { decision, ...(comment ? { comment } : {}) }),
};

/**
 * Sends one file with XMLHttpRequest, whose upload events give the progress fetch cannot; `onSent`
 * runs once the last byte is out, while the server checks the file. Resolves with the 201 answer.
 */
export function sendFile<T, I = UploadIssue>(url: string, file: File, onProgress: (fraction: number) => void, onSent: () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.upload.onload = () => onSent();
    xhr.onerror = () => reject(new Error(i18n.t('studio:sendFailed', { name: file.name })));
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as { error?: string; message?: string; issues?: I[] };
      if (xhr.status === 201) resolve(xhr.response as T);
      else reject(new UploadRefused<I>(errorText(body.error ?? '', body.message ?? i18n.t('studio:uploadFailed', { status: xhr.status })), body.issues ?? []));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** A model or photo for the product being edited. */
export const uploadFile = (file: File, onProgress: (fraction: number) => void, onSent: () => void) =>
  sendFile<Uploaded>('/api/studio/uploads', file, onProgress, onSent);

/** A content pack (zip) into the studio: as drafts of the caller, or published at once (admins only). */
export const importPackFile = (file: File, publish: boolean, onProgress: (fraction: number) => void, onSent: () => void) =>
  sendFile<ImportedPack, PackIssue>(`/api/studio/import${publish ? '?publish=true' : ''}`, file, onProgress, onSent);

/** Where the browser downloads a pack of every published product, or of one. */
export const exportPackUrl = (productId?: string) => `/api/studio/export.zip${productId ? `?product=${encodeURIComponent(productId)}` : ''}`;
