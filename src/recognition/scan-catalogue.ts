/**
 * What the scan worker starts with: each product of the catalogue with the COCO classes it appears as
 * and its reference photos, and where the detector's model is. Shared by the Scan page and recognition
 * in AR. The API client is passed in: recognition does not import the app.
 */
import type { Product } from '../domain/catalogue';
import type { ScanCatalogueEntry } from './scanner';

export interface ScanCatalogueSource {
  catalogue(): Promise<{ id: string }[]>;
  product(id: string): Promise<Pick<Product, 'id' | 'name' | 'cocoClasses' | 'photos'>>;
  clientConfig(): Promise<{ scanModelUrl: string }>;
}

export interface ScanSetup {
  catalogue: ScanCatalogueEntry[];
  modelUrl: string;
}

/** For `scanner.init(setup.catalogue, setup.modelUrl)`. */
export async function loadScanSetup(source: ScanCatalogueSource): Promise<ScanSetup> {
  const [summaries, config] = await Promise.all([source.catalogue(), source.clientConfig()]);
  const products = await Promise.all(summaries.map((s) => source.product(s.id)));
  return {
    catalogue: products.map((p) => ({ productId: p.id, productName: p.name, cocoClasses: [...p.cocoClasses], photos: p.photos.map((ph) => ph.file) })),
    modelUrl: config.scanModelUrl,
  };
}
