/** One variant's model: loaded with meshopt, centred on its turntable, lit for daylight or the UV lamp. */
import { useGLTF } from '@react-three/drei';
import { useEffect, useMemo } from 'react';
import { Box3, Vector3, type Object3D } from 'three';
import { applyUv, prepareUv } from './materials';

export function useModel(url: string): { scene: Object3D; centre: Vector3; size: Vector3; bottom: number } {
  const gltf = useGLTF(url, false, true);
  return useMemo(() => {
    const scene = gltf.scene;
    prepareUv(scene);
    // The examiner's keyboard tools aim at the product itself, not the pins and marks beside it in its group.
    scene.userData.productModel = true;
    const box = new Box3().setFromObject(scene);
    return { scene, centre: box.getCenter(new Vector3()), size: box.getSize(new Vector3()), bottom: box.min.y };
  }, [gltf]);
}

export function ProductModel({ url, uv }: { url: string; uv: boolean }) {
  const { scene } = useModel(url);
  useEffect(() => applyUv(scene, uv), [scene, uv]);
  return <primitive object={scene} />;
}

export function preloadModel(url: string): void {
  useGLTF.preload(url, false, true);
}
