/**
 * What the device's WebGL can afford. A software renderer (SwiftShader, llvmpipe: a PC without GPU
 * acceleration, a virtual desktop) draws every pixel on the CPU, so the stage there skips multisampling
 * and keeps the pixel ratio at most 1 (metal without its reflections would look black, so those stay).
 */
export interface RenderQuality {
  webgl: boolean;
  software: boolean;
}

let cached: RenderQuality | null = null;

export function renderQuality(): RenderQuality {
  if (cached) return cached;
  try {
    const c = document.createElement('canvas');
    const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return (cached = { webgl: false, software: false });
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return (cached = { webgl: true, software: /swiftshader|llvmpipe|software|basic render/i.test(renderer) });
  } catch {
    return (cached = { webgl: false, software: false });
  }
}
