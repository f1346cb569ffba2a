/**
 * Where a variant's USDZ is served, for AR Quick Look on iPhone, iPad and Vision Pro: one stable URL
 * per published variant, built-in or authored (the server makes the file from the variant's GLB).
 */
export const USDZ_ROUTE = '/api/products/:id/variants/:variant/model.usdz';

export function usdzUrl(productId: string, variantId: string): string {
  return `/api/products/${encodeURIComponent(productId)}/variants/${encodeURIComponent(variantId)}/model.usdz`;
}

export const USDZ_MEDIA_TYPE = 'model/vnd.usdz+zip';
