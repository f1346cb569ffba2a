/**
 * What the AR camera scan on the stage needs of the app: the catalogue from the server to match
 * against, and the way to a product's comparison. Each page with a stage gives it to <Stage
 * cameraScan>; the stage itself imports nothing from the app.
 */
import { loadScanSetup } from '../recognition/scan-catalogue';
import type { CameraScanLinks } from '../scene/xr/XrCameraScan';
import { api } from './api';
import { navigate } from './route';

export const cameraScanLinks: CameraScanLinks = {
  loadSetup: () => loadScanSetup(api),
  openProduct: (productId) => navigate({ page: 'catalogue', product: productId }),
};
