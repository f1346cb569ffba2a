/** The font for 3D text (labels, XR panels): served by the app itself, never fetched from a CDN. */
import interWoff from '@fontsource/inter/files/inter-latin-400-normal.woff?url';

export const uiFont = interWoff;
