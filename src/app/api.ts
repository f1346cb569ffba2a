/** The client's only door to the server's JSON API. */
import type { Product, TellCategory, VariantKind } from '../domain/catalogue';

export interface ProductSummary {
  id: string;
  name: string;
  brand: string;
  category: string;
  description: string;
  variants: { id: string; kind: VariantKind; label: string; tells: number }[];
  tellCategories: TellCategory[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, body.error ?? 'http_error', body.message ?? `${url} answered ${res.status}`);
  return body as T;
}

export const api = {
  catalogue: () => getJson<ProductSummary[]>('/api/catalogue'),
  product: (id: string) => getJson<Product>(`/api/products/${encodeURIComponent(id)}`),
};
