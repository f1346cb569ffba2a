/**
 * Reads a USDZ's zip local file headers, in order, the way AR Quick Look needs them: each entry's
 * name, compression method (0: stored) and where its data begins (a multiple of 64 in a valid USDZ).
 */
export interface UsdzEntry {
  name: string;
  method: number;
  dataOffset: number;
  size: number;
}

export function usdzEntries(bytes: Uint8Array): UsdzEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: UsdzEntry[] = [];
  let at = 0;
  while (at + 30 <= bytes.byteLength && view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const dataOffset = at + 30 + nameLength + extraLength;
    entries.push({ name, method, dataOffset, size });
    at = dataOffset + size;
  }
  return entries;
}

/** The names USDZExporter gives a glTF node's prim: letters, digits and underscores only. */
export function usdName(name: string): string {
  const kept = name.replace(/[^A-Za-z0-9_]/g, '');
  return /^[0-9]/.test(kept) ? `_${kept}` : kept;
}
