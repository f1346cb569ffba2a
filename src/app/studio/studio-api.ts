/** The studio's calls to /api/studio/ (see README "Authoring (server)"), and uploads with progress. */
import type { ProductDraft } from '../../domain/catalogue';
import { call } from '../api';

export type VersionStatus = 'draft' | 'in_review' | 'published' | 'superseded' | 'returned';

export interface VersionSummary {
  productId: string;
  version: number;
  status: VersionStatus;
  name: string;
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

/** A refused upload: the checker's issues, each with its pointer into the file. */
export class UploadRefused extends Error {
  constructor(message: string, readonly issues: UploadIssue[]) {
    super(message);
  }
}

const id = encodeURIComponent;
const base = '/api/studio/products';

export const studioApi = {
  list: () => call<VersionSummary[]>('GET', base),
  create: (info: Record<string, unknown>) => call<ProductRecord['latest']>('POST', base, info),
  get: (productId: string) => call<ProductRecord>('GET', `${base}/${id(productId)}`),
  saveDraft: (document: ProductDraft) => call<VersionSummary>('PUT', `${base}/${id(document.id)}/draft`, document),
  submit: (productId: string) => call<VersionSummary>('POST', `${base}/${id(productId)}/submit`),
  diff: (productId: string) => call<ProductDiff>('GET', `${base}/${id(productId)}/diff`),
  review: (productId: string, decision: 'publish' | 'return', comment?: string) =>
    call<VersionSummary>('POST', `${base}/${id(productId)}/review`, { decision, ...(comment ? { comment } : {}) }),
};

/**
 * Uploads one file with XMLHttpRequest, whose upload events give the progress fetch cannot;
 * `onSent` runs once the last byte is out, while the server checks and optimises the file.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void, onSent: () => void): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/studio/uploads');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.upload.onload = () => onSent();
    xhr.onerror = () => reject(new Error(`"${file.name}" could not be sent: the connection failed.`));
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as { message?: string; issues?: UploadIssue[] };
      if (xhr.status === 201) resolve(xhr.response as Uploaded);
      else reject(new UploadRefused(body.message ?? `The upload answered ${xhr.status}.`, body.issues ?? []));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
