/**
 * The one glTF-Transform reader/writer of uploads: every extension glTF-Transform knows, meshopt's
 * decoder and encoder. Draco is left out (its decoder is not installed), so a Draco-compressed
 * upload is refused by the check with a message rather than failing in the optimiser.
 */
import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS, KHRDracoMeshCompression } from '@gltf-transform/extensions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';

const READABLE = ALL_EXTENSIONS.filter((e) => e !== KHRDracoMeshCompression);

/** Extensions an upload may require: what the optimiser can read and write again. */
export const READABLE_EXTENSIONS: ReadonlySet<string> = new Set(READABLE.map((e) => e.EXTENSION_NAME));

let io: Promise<NodeIO> | undefined;

/** Registering the extensions also teaches glTF-Transform's ImageUtils the sizes of WebP, AVIF and KTX2. */
export function modelIO(): Promise<NodeIO> {
  io ??= (async () => {
    await Promise.all([MeshoptDecoder.ready, MeshoptEncoder.ready]);
    return new NodeIO().registerExtensions(READABLE).registerDependencies({
      'meshopt.decoder': MeshoptDecoder,
      'meshopt.encoder': MeshoptEncoder,
    });
  })();
  return io;
}
