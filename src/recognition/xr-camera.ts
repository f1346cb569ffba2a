/**
 * The camera picture of an immersive-ar session, for the scan worker. Where the browser grants the
 * WebXR Raw Camera Access feature ('camera-access', https://immersive-web.github.io/raw-camera-access/),
 * each XRView carries an XRCamera and `XRWebGLBinding.getCameraImage(camera)` hands an opaque texture
 * that is valid only inside that XR animation frame. This copies it at once: scaled down and turned
 * upright on the GPU (one blit), read back (readPixels), then made an ImageBitmap. Framework-free: the
 * XR scene calls it from a frame callback, and a browser test calls it with a texture of its own.
 *
 * Buffers are allocated once (again only if the picture's size changes); a frame allocates nothing but
 * its bitmap. The GL state it touches is put back as it was, so three.js' state cache stays right.
 */

/** The part of XRCamera this needs (the module's XRView.camera). */
export interface XrCameraLike {
  readonly width: number;
  readonly height: number;
}

/** The part of XRWebGLBinding this needs (the module's addition to it). */
export interface CameraImageSource {
  getCameraImage(camera: XrCameraLike): WebGLTexture | null;
}

export interface CameraFrameReader {
  /**
   * Copies the camera picture now, inside the XR frame; the bitmap (top row first, at most maxSide
   * pixels on its longer side) follows. null: no picture in this frame, or the previous one is still
   * being made into a bitmap.
   */
  read(binding: CameraImageSource, camera: XrCameraLike): Promise<ImageBitmap> | null;
  dispose(): void;
}

/** The scan worker analyses frames at most 640 pixels on their longer side: copying more is waste. */
export const CAMERA_FRAME_MAX_SIDE = 640;

export function createCameraFrameReader(gl: WebGL2RenderingContext, maxSide = CAMERA_FRAME_MAX_SIDE): CameraFrameReader {
  const source = gl.createFramebuffer();
  const target = gl.createFramebuffer();
  const colour = gl.createRenderbuffer();
  let width = 0;
  let height = 0;
  let image: ImageData | null = null;
  let bytes: Uint8Array | null = null;
  let pending = false;

  /** The scaled-down size, and the target and pixel buffers for it (only when it changes). */
  function allocate(cameraWidth: number, cameraHeight: number) {
    const scale = Math.min(1, maxSide / Math.max(cameraWidth, cameraHeight));
    const w = Math.max(1, Math.round(cameraWidth * scale));
    const h = Math.max(1, Math.round(cameraHeight * scale));
    if (w === width && h === height) return;
    width = w;
    height = h;
    const boundRenderbuffer = gl.getParameter(gl.RENDERBUFFER_BINDING) as WebGLRenderbuffer | null;
    gl.bindRenderbuffer(gl.RENDERBUFFER, colour);
    gl.renderbufferStorage(gl.RENDERBUFFER, gl.RGBA8, w, h);
    gl.bindRenderbuffer(gl.RENDERBUFFER, boundRenderbuffer);
    image = new ImageData(w, h);
    bytes = new Uint8Array(image.data.buffer);
  }

  /** Blits the texture into the small target, bottom row last (GL textures start with the bottom row), and reads it. */
  function copy(texture: WebGLTexture, cameraWidth: number, cameraHeight: number): boolean {
    const read = gl.getParameter(gl.READ_FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
    const draw = gl.getParameter(gl.DRAW_FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
    const packBuffer = gl.getParameter(gl.PIXEL_PACK_BUFFER_BINDING) as WebGLBuffer | null;
    const scissor = gl.isEnabled(gl.SCISSOR_TEST);
    try {
      gl.bindFramebuffer(gl.READ_FRAMEBUFFER, source);
      gl.framebufferTexture2D(gl.READ_FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
      if (gl.checkFramebufferStatus(gl.READ_FRAMEBUFFER) !== gl.FRAMEBUFFER_COMPLETE) return false;
      gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, target);
      gl.framebufferRenderbuffer(gl.DRAW_FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.RENDERBUFFER, colour);
      if (scissor) gl.disable(gl.SCISSOR_TEST); // a blit is clipped by the scissor box
      // Destination rows reversed: the picture comes out top row first, as ImageData wants it.
      gl.blitFramebuffer(0, 0, cameraWidth, cameraHeight, 0, height, width, 0, gl.COLOR_BUFFER_BIT, gl.LINEAR);
      gl.bindFramebuffer(gl.READ_FRAMEBUFFER, target);
      if (packBuffer) gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
      gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, bytes);
      return true;
    } finally {
      // The camera texture is the browser's: nothing keeps it past this frame.
      gl.bindFramebuffer(gl.READ_FRAMEBUFFER, source);
      gl.framebufferTexture2D(gl.READ_FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, null, 0);
      gl.bindFramebuffer(gl.READ_FRAMEBUFFER, read);
      gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, draw);
      if (packBuffer) gl.bindBuffer(gl.PIXEL_PACK_BUFFER, packBuffer);
      if (scissor) gl.enable(gl.SCISSOR_TEST);
    }
  }

  return {
    read(binding, camera) {
      if (pending || !camera.width || !camera.height) return null;
      const texture = binding.getCameraImage(camera);
      if (!texture) return null;
      allocate(camera.width, camera.height);
      if (!copy(texture, camera.width, camera.height)) return null;
      // The pixels stay untouched until the bitmap is made: the next read waits for it.
      pending = true;
      return createImageBitmap(image!).finally(() => (pending = false));
    },
    dispose() {
      gl.deleteFramebuffer(source);
      gl.deleteFramebuffer(target);
      gl.deleteRenderbuffer(colour);
      image = null;
      bytes = null;
    },
  };
}
