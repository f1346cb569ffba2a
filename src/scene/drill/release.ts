/**
 * Each drill brings new models under a one-off URL, so without care every drill answered would stay
 * in drei's cache and on the GPU for the rest of the session. A model is let go a moment after its
 * item leaves the stage; the delay lets React's StrictMode remount (cleanup, then setup again at once)
 * cancel the release instead of emptying the cache under a model that is still shown.
 */
import { useGLTF } from '@react-three/drei';
import { useEffect } from 'react';
import type { Material, Mesh, Object3D, Texture } from 'three';

const pending = new Map<string, ReturnType<typeof setTimeout>>();

function disposeTree(root: Object3D): void {
  root.traverse((o) => {
    const mesh = o as Mesh;
    if (!mesh.isMesh) return;
    mesh.geometry.dispose();
    for (const m of (Array.isArray(mesh.material) ? mesh.material : [mesh.material]) as Material[]) {
      for (const v of Object.values(m)) if ((v as Texture | null)?.isTexture) (v as Texture).dispose();
      m.dispose();
    }
  });
}

export function useReleaseOnUnmount(url: string, scene: Object3D): void {
  useEffect(() => {
    const t = pending.get(url);
    if (t !== undefined) clearTimeout(t);
    pending.delete(url);
    return () => {
      pending.set(
        url,
        setTimeout(() => {
          pending.delete(url);
          useGLTF.clear(url);
          disposeTree(scene);
        }, 1000),
      );
    };
  }, [url, scene]);
}
