/**
 * Files an author uploads live in the server's database, named by the sha256 of their bytes. An
 * authored product refers to them as "files/<sha256>.<ext>" where a content pack has a path in its
 * folder, so the product document (and its catalogue version hash) names the exact bytes.
 */
export const STORED_FILE_EXTENSIONS = ['glb', 'png', 'jpg', 'webp'] as const;
export type StoredFileExtension = (typeof STORED_FILE_EXTENSIONS)[number];

const REF = /^files\/([0-9a-f]{64})\.(glb|png|jpg|webp)$/;
export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function storedFileRef(sha256: string, ext: StoredFileExtension): string {
  return `files/${sha256}.${ext}`;
}

/** The sha256 a reference names, or undefined when it is a path inside a pack. */
export function storedFileOf(ref: string): { sha256: string; ext: StoredFileExtension } | undefined {
  const m = REF.exec(ref);
  return m ? { sha256: m[1]!, ext: m[2] as StoredFileExtension } : undefined;
}

/** Where the client fetches a stored file. */
export function storedFileUrl(sha256: string): string {
  return `/api/files/${sha256}`;
}
