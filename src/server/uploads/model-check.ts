/**
 * Checks a model an author uploads before anything is stored or decoded, cheapest first: the size
 * cap, the container (GLB header and chunks, or glTF JSON), the lengths and counts its JSON declares,
 * then Khronos' glTF validator, then texture sizes read from the image headers. Pure: it reads the
 * bytes, writes nothing and keeps nothing.
 */
import { validateBytes, type ValidationMessage, type ValidationReport } from 'gltf-validator';
import { dataUriByteLength, list, positive, readContainer, textureSizes, type GltfContainer, type GltfJson, type TextureSize } from './gltf-container';
import { checkDeclared, drawnElements, primitiveTriangles } from './gltf-declared';
import { modelIO, READABLE_EXTENSIONS } from './gltf-io';
import {
  formatBytes,
  MAX_DECLARED_BUFFER_BYTES,
  MAX_DECODED_BUFFER_BYTES,
  MAX_INPUT_TEXTURE_EDGE,
  MAX_OUTPUT_TEXTURE_EDGE,
  MAX_UPLOAD_BYTES,
  MAX_VALIDATOR_ISSUES,
} from './model-limits';

export type UploadIssueCode =
  | 'empty'
  | 'too_large'
  | 'not_gltf'
  | 'glb_truncated'
  | 'glb_malformed'
  | 'json_invalid'
  | 'external_uri'
  | 'buffers_too_large'
  | 'buffer_missing_bytes'
  | 'unsupported_extension'
  | 'json_too_deep'
  | 'too_many_nodes'
  | 'too_many_triangles'
  | 'too_many_parts'
  | 'too_many_vertices'
  | 'accessor_too_large'
  | 'texture_without_image'
  | 'node_hierarchy_invalid'
  | 'node_hierarchy_too_deep'
  | 'check_failed'
  | 'check_timeout'
  | 'check_out_of_memory'
  | 'optimise_failed'
  | 'gltf_invalid'
  | 'gltf_warning'
  | 'texture_too_large';

/** One thing wrong with an upload, said so that the author can fix it, and where in the file it is. */
export interface UploadIssue {
  code: UploadIssueCode;
  message: string;
  /** "file", "GLB header.length", "buffers[0].byteLength", "nodes", "accessors[0]" (validator pointers in the same form). */
  pointer: string;
  /** The validator's own code, e.g. ACCESSOR_TOTAL_OFFSET_ALIGNMENT, for its messages. */
  validatorCode?: string;
}

export type { TextureSize };

export interface ModelReport {
  format: GltfContainer['format'];
  bytes: number;
  nodes: number;
  /** Triangles drawn, counted from the accessors (each mesh once per node that shows it). */
  triangles: number;
  textures: TextureSize[];
  extensionsUsed: string[];
  /** The validator's warnings: the model is accepted, the author may still want to fix them. */
  warnings: UploadIssue[];
  validator: { version: string; errors: number; warnings: number; infos: number; hints: number };
}

export type ModelCheck = { ok: true; report: ModelReport } | { ok: false; errors: UploadIssue[] };

export { primitiveTriangles };

const count = (n: number) => n.toLocaleString('en-US');
const refused = (...errors: UploadIssue[]): ModelCheck => ({ ok: false, errors });

export async function checkModel(bytes: Uint8Array, fileName: string): Promise<ModelCheck> {
  if (bytes.byteLength === 0) return refused({ code: 'empty', pointer: 'file', message: `"${fileName}" is empty.` });
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    return refused({
      code: 'too_large',
      pointer: 'file',
      message: `"${fileName}" is ${formatBytes(bytes.byteLength)} (${count(bytes.byteLength)} bytes); uploads may be at most ${formatBytes(MAX_UPLOAD_BYTES)}. Reduce its textures or simplify its meshes before exporting.`,
    });
  }
  const opened = readContainer(bytes, fileName);
  if (!opened.ok) return refused(opened.issue);
  const { container } = opened;
  const declared = [...checkBuffers(container), ...checkExtensions(container.json), ...checkDeclared(container.json)];
  if (declared.length) return refused(...declared);

  let validation: ValidationReport;
  try {
    validation = await validateBytes(bytes, { uri: fileName, format: container.format, maxIssues: MAX_VALIDATOR_ISSUES, writeTimestamp: false });
  } catch (err) {
    const why = err instanceof RangeError ? 'it is built in a way that exhausts the checker' : 'it is damaged';
    return refused({ code: 'gltf_invalid', pointer: 'file', message: `The glTF validator could not read "${fileName}": ${why}. Export the model again.` });
  }
  const messages = validation.issues.messages;
  const errors = messages.filter((m) => m.severity === 0).map((m) => fromValidator(m, 'gltf_invalid'));
  if (errors.length) return refused(...errors);

  await modelIO(); // registers WebP, AVIF and KTX2 with ImageUtils
  const textures = textureSizes(container);
  const oversized = textures.filter((t) => Math.max(t.width, t.height) > MAX_INPUT_TEXTURE_EDGE);
  if (oversized.length) {
    return refused(
      ...oversized.map((t): UploadIssue => ({
        code: 'texture_too_large',
        pointer: t.pointer,
        message: `This texture is ${t.width} × ${t.height} px; at most ${MAX_INPUT_TEXTURE_EDGE} px on a side is accepted (it is reduced to ${MAX_OUTPUT_TEXTURE_EDGE} px for headsets anyway). Scale it down before exporting.`,
      })),
    );
  }
  const { issues } = validation;
  return {
    ok: true,
    report: {
      format: container.format,
      bytes: bytes.byteLength,
      nodes: list(container.json.nodes).length,
      triangles: drawnElements(container.json, primitiveTriangles),
      textures,
      extensionsUsed: list(container.json.extensionsUsed),
      warnings: messages.filter((m) => m.severity === 1).map((m) => fromValidator(m, 'gltf_warning')),
      validator: { version: validation.validatorVersion, errors: issues.numErrors, warnings: issues.numWarnings, infos: issues.numInfos, hints: issues.numHints },
    },
  };
}

/** "/accessors/0/bufferView" as "accessors[0].bufferView", the form the other issues use. */
function fromValidator(m: ValidationMessage, code: UploadIssueCode): UploadIssue {
  const pointer = m.pointer
    ? m.pointer.replace(/^\//, '').replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.')
    : m.offset !== undefined ? `byte ${count(m.offset)}` : 'file';
  return { code, pointer, message: m.message, validatorCode: m.code };
}

const externalUri = (pointer: string, uri: string): UploadIssue => ({
  code: 'external_uri',
  pointer,
  message: `${pointer} refers to a separate file ("${uri.slice(0, 80)}"), which an upload cannot bring: export a .glb, or a .gltf with its buffers and images embedded.`,
});

/** Every buffer's declared byteLength against the bytes that back it, without decoding or allocating anything. */
function checkBuffers(container: GltfContainer): UploadIssue[] {
  const issues: UploadIssue[] = [];
  let backed = 0;
  let decoded = 0;
  list(container.json.buffers).forEach((buffer, i) => {
    const where = `buffers[${i}]`;
    const declared = positive(buffer?.byteLength);
    let held: number;
    let source: string;
    if (typeof buffer?.uri === 'string') {
      const inUri = dataUriByteLength(buffer.uri);
      if (inUri === undefined) return void issues.push(externalUri(`${where}.uri`, buffer.uri));
      [held, source] = [inUri, 'its data: URI'];
    } else if (buffer?.extensions?.EXT_meshopt_compression?.fallback) {
      decoded += declared; // filled by decoding meshopt-compressed views: capped below
      return;
    } else if (container.format === 'glb' && i === 0) {
      [held, source] = [container.bin?.byteLength ?? 0, 'the GLB binary chunk'];
    } else {
      [held, source] = [0, 'nothing (it has no uri and is not the GLB binary chunk)'];
    }
    backed += declared;
    if (declared > held) {
      issues.push({
        code: 'buffer_missing_bytes',
        pointer: `${where}.byteLength`,
        message: `${where} declares ${formatBytes(declared)} (${count(declared)} bytes) but ${source} holds ${count(held)} bytes: the file is damaged, or was made to exhaust the server.`,
      });
    }
  });
  if (backed > MAX_DECLARED_BUFFER_BYTES) {
    issues.unshift({
      code: 'buffers_too_large',
      pointer: 'buffers',
      message: `The buffers declare ${formatBytes(backed)} in all; a model may declare at most ${formatBytes(MAX_DECLARED_BUFFER_BYTES)}, the upload cap.`,
    });
  }
  if (decoded > MAX_DECODED_BUFFER_BYTES) {
    issues.unshift({
      code: 'buffers_too_large',
      pointer: 'buffers',
      message: `The meshopt-compressed buffers declare they decode to ${formatBytes(decoded)}; at most ${formatBytes(MAX_DECODED_BUFFER_BYTES)} is accepted.`,
    });
  }
  list(container.json.images).forEach((image, i) => {
    if (typeof image?.uri === 'string' && dataUriByteLength(image.uri) === undefined) issues.push(externalUri(`images[${i}].uri`, image.uri));
  });
  return issues;
}

function checkExtensions(json: GltfJson): UploadIssue[] {
  return list(json.extensionsRequired)
    .map((name, i) => ({ name: String(name), pointer: `extensionsRequired[${i}]` }))
    .filter(({ name }) => !READABLE_EXTENSIONS.has(name))
    .map(({ name, pointer }) => ({
      code: 'unsupported_extension' as const,
      pointer,
      message:
        name === 'KHR_draco_mesh_compression'
          ? 'Draco-compressed meshes cannot be read here: export without Draco compression (the studio compresses with meshopt itself).'
          : `The model requires the extension ${name}, which the studio cannot read: export without it.`,
    }));
}

