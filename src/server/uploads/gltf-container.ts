/**
 * Opens an upload's container without trusting any length written in it: a GLB's header and chunks
 * are measured against the file, glTF JSON is parsed, and anything else is named ("a PNG image")
 * so that the author knows what they sent; images' sizes are read from their headers. Nothing here
 * allocates more than the upload itself.
 */
import { ImageUtils } from '@gltf-transform/core';
import { findTooDeep } from './json-depth';
import type { UploadIssue } from './model-check';
import { MAX_JSON_DEPTH } from './model-limits';

/** The parts of glTF 2.0's JSON that the checks read; the validator reads the rest. */
export interface GltfJson {
  asset?: { version?: string };
  extensionsUsed?: string[];
  extensionsRequired?: string[];
  buffers?: { byteLength?: number; uri?: string; extensions?: { EXT_meshopt_compression?: { fallback?: boolean } } }[];
  bufferViews?: { buffer?: number; byteOffset?: number; byteLength?: number }[];
  accessors?: { count?: number; type?: string; componentType?: number; sparse?: { count?: number } }[];
  meshes?: { primitives?: { mode?: number; indices?: number; attributes?: Record<string, number>; targets?: Record<string, number>[] }[] }[];
  nodes?: { mesh?: number; children?: number[]; extensions?: { EXT_mesh_gpu_instancing?: { attributes?: Record<string, number> } } }[];
  images?: { uri?: string; bufferView?: number; mimeType?: string }[];
}

export type GltfContainer =
  | { format: 'glb'; json: GltfJson; /** The BIN chunk, where the file has one. */ bin?: Uint8Array }
  | { format: 'gltf'; json: GltfJson };

export type ContainerResult = { ok: true; container: GltfContainer } | { ok: false; issue: UploadIssue };

const GLB_MAGIC = 0x46546c67; // 'glTF'
const JSON_CHUNK = 0x4e4f534a; // 'JSON'
const BIN_CHUNK = 0x004e4942; // 'BIN\0'
const count = (n: number) => n.toLocaleString('en-US');

/** A JSON array the file may have written as anything else: the validator reports it, the checks must not throw. */
export const list = <T>(x: T[] | undefined): T[] => (Array.isArray(x) ? x : []);
/** A declared length or count, 0 where the file wrote something that is not a positive number. */
export const positive = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : 0);
const fail = (code: UploadIssue['code'], pointer: string, message: string): ContainerResult => ({ ok: false, issue: { code, pointer, message } });

/** Formats authors send by mistake, by their first bytes. */
const SIGNATURES: [string, string][] = [
  ['\x89PNG', 'a PNG image'],
  ['\xff\xd8\xff', 'a JPEG image'],
  ['GIF8', 'a GIF image'],
  ['RIFF', 'a RIFF file (WebP image or WAV audio)'],
  ['PK\x03\x04', 'a ZIP archive (or a USDZ model)'],
  ['Kaydara FBX Binary', 'a binary FBX model'],
  ['%PDF', 'a PDF document'],
  ['solid ', 'an STL model'],
  ['DRACO', 'a Draco mesh'],
  ['\xabKTX 20', 'a KTX2 texture'],
  ['#usda', 'a USD model'],
];

const latin1 = (bytes: Uint8Array, end: number) => String.fromCharCode(...bytes.subarray(0, end));

/** What the file is, in words, when it is not glTF. */
export function describeFormat(bytes: Uint8Array): string {
  const head = latin1(bytes, Math.min(bytes.length, 32));
  const known = SIGNATURES.find(([magic]) => head.startsWith(magic));
  if (known) return known[1];
  if (/^(#|v |o |mtllib )/m.test(latin1(bytes, Math.min(bytes.length, 512)))) return 'a Wavefront OBJ model';
  const hex = [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return `an unknown format (it starts with the bytes ${hex || 'of an empty file'})`;
}

export function readContainer(bytes: Uint8Array, fileName: string): ContainerResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 4 && view.getUint32(0, true) === GLB_MAGIC) return readGlb(bytes, view);
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // UTF-8 byte order mark
  while (start < bytes.length && /\s/.test(String.fromCharCode(bytes[start]!))) start++;
  if (bytes[start] === 0x7b) {
    const json = parseJson(bytes.subarray(start), 'the file');
    return 'code' in json ? { ok: false, issue: json } : { ok: true, container: { format: 'gltf', json } };
  }
  return fail(
    'not_gltf',
    'file',
    `"${fileName}" is ${describeFormat(bytes)}, not a glTF model: upload a .glb (binary glTF 2.0), or a .gltf with its buffers and images embedded.`,
  );
}

function readGlb(bytes: Uint8Array, view: DataView): ContainerResult {
  if (bytes.length < 12) return fail('glb_truncated', 'GLB header', `The GLB is truncated: it ends after ${bytes.length} bytes, inside its 12-byte header.`);
  const version = view.getUint32(4, true);
  if (version !== 2) {
    return fail('glb_malformed', 'GLB header.version', `The GLB is version ${version}; only glTF 2.0 is accepted: re-export the model as glTF 2.0.`);
  }
  const declared = view.getUint32(8, true);
  if (declared > bytes.length) {
    return fail(
      'glb_truncated',
      'GLB header.length',
      `The GLB is truncated: its header declares ${count(declared)} bytes but the file has ${count(bytes.length)}; it stops ${count(declared - bytes.length)} bytes short. Upload the whole file again.`,
    );
  }
  if (declared < bytes.length) {
    return fail('glb_malformed', 'GLB header.length', `The GLB's header declares ${count(declared)} bytes but ${count(bytes.length - declared)} more follow: the file was joined to something else.`);
  }
  const chunks: { type: number; data: Uint8Array }[] = [];
  for (let offset = 12; offset < declared; ) {
    const where = `GLB chunk ${chunks.length}`;
    if (offset + 8 > declared) return fail('glb_truncated', where, `The GLB is truncated: ${where} starts at byte ${count(offset)} but its 8-byte header does not fit in the file.`);
    const length = view.getUint32(offset, true);
    const end = offset + 8 + length;
    if (end > declared) {
      return fail('glb_truncated', `${where}.length`, `The GLB is truncated: ${where} declares ${count(length)} bytes but only ${count(declared - offset - 8)} remain in the file.`);
    }
    chunks.push({ type: view.getUint32(offset + 4, true), data: bytes.subarray(offset + 8, end) });
    offset = end;
  }
  if (chunks[0]?.type !== JSON_CHUNK) return fail('glb_malformed', 'GLB chunk 0', 'The GLB does not start with its JSON chunk, as glTF 2.0 requires.');
  const json = parseJson(chunks[0].data, 'the GLB\'s JSON chunk');
  if ('code' in json) return { ok: false, issue: json };
  return { ok: true, container: { format: 'glb', json, bin: chunks[1]?.type === BIN_CHUNK ? chunks[1].data : undefined } };
}

function parseJson(bytes: Uint8Array, where: string): GltfJson | UploadIssue {
  const deep = findTooDeep(bytes, MAX_JSON_DEPTH);
  if (deep) {
    return {
      code: 'json_too_deep',
      pointer: deep.pointer,
      message: `The glTF JSON in ${where} nests more than ${MAX_JSON_DEPTH} levels deep (at ${deep.pointer}); at most ${MAX_JSON_DEPTH} are accepted. Such nesting is no model's: remove the deep extras or extension data, then export again.`,
    };
  }
  try {
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (json && typeof json === 'object' && !Array.isArray(json)) return json as GltfJson;
    return { code: 'json_invalid', pointer: where, message: `The glTF JSON in ${where} is not an object.` };
  } catch (err) {
    return { code: 'json_invalid', pointer: where, message: `The glTF JSON in ${where} cannot be read: ${err instanceof Error ? err.message : String(err)}.` };
  }
}

const DATA_URI = /^data:([^;,]*)((?:;[^;,]*)*?)(;base64)?,/;

/** Bytes a data: URI holds, counted without decoding it; undefined when the URI is not a data: URI. */
export function dataUriByteLength(uri: string): number | undefined {
  const m = DATA_URI.exec(uri);
  if (!m) return undefined;
  const payload = uri.length - m[0].length;
  if (!m[3]) return payload - 2 * (uri.slice(m[0].length).match(/%/g)?.length ?? 0);
  const padding = uri.endsWith('==') ? 2 : uri.endsWith('=') ? 1 : 0;
  return Math.floor((payload * 3) / 4) - padding;
}

/** The bytes and MIME type of a data: URI (base64 or percent-encoded). */
export function decodeDataUri(uri: string): { bytes: Uint8Array; mimeType: string } | undefined {
  const m = DATA_URI.exec(uri);
  if (!m) return undefined;
  const payload = uri.slice(m[0].length);
  const bytes = m[3] ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'latin1');
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), mimeType: m[1] ?? '' };
}

export interface TextureSize {
  pointer: string;
  mimeType: string;
  width: number;
  height: number;
}

/** Width and height of every image, read from its header (PNG IHDR, JPEG SOF, WebP, KTX2) without decoding it. */
export function textureSizes(container: GltfContainer): TextureSize[] {
  const { json } = container;
  const buffers = new Map<number, Uint8Array | undefined>();
  const bufferBytes = (i: number) => {
    if (!buffers.has(i)) {
      const uri = list(json.buffers)[i]?.uri;
      buffers.set(i, uri ? decodeDataUri(uri)?.bytes : container.format === 'glb' && i === 0 ? container.bin : undefined);
    }
    return buffers.get(i);
  };
  const sizes: TextureSize[] = [];
  list(json.images).forEach((image, i) => {
    let bytes: Uint8Array | undefined;
    let mimeType = image.mimeType;
    if (image.uri) {
      const data = decodeDataUri(image.uri);
      bytes = data?.bytes;
      mimeType ??= data?.mimeType;
    } else if (image.bufferView !== undefined) {
      const view = list(json.bufferViews)[image.bufferView];
      const start = positive(view?.byteOffset);
      // A copy: ImageUtils' JPEG reader would otherwise walk on past the image into the rest of the buffer.
      bytes = view ? bufferBytes(view.buffer ?? 0)?.slice(start, start + positive(view.byteLength)) : undefined;
    }
    if (!bytes) return;
    mimeType ??= ImageUtils.getMimeType(bytes) ?? '';
    try {
      const size = ImageUtils.getSize(bytes, mimeType);
      if (size) sizes.push({ pointer: `images[${i}]`, mimeType, width: size[0], height: size[1] });
    } catch {
      // An unreadable header: the validator has already reported it.
    }
  });
  return sizes;
}
