/** A problem found in a content pack, pointing at the file and the JSON path an author must fix. */
export interface PackError {
  /** Relative to the pack folder, with "/" separators: "products/aurel-tote/product.json". */
  file: string;
  /** JSON path inside the file, like "variants[1].tells[0].at.normal"; "" for the whole file. */
  path: string;
  message: string;
}

/** ['variants', 1, 'tells', 0, 'at'] -> "variants[1].tells[0].at" */
export function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** "file: path: message", or "file: message" for a problem with the whole file. */
export function formatPackError(error: PackError): string {
  return error.path ? `${error.file}: ${error.path}: ${error.message}` : `${error.file}: ${error.message}`;
}
