/** Figures about the stage that tests and benchmarks read through window.__twinspect. */
type Vec3 = [number, number, number];

export const stageStats = {
  frames: 0,
  drawCalls: 0,
  triangles: 0,
  /** performance.now() of the first frame drawn, and of the first frame with both models on it. */
  firstFrameAt: 0,
  pairFrameAt: 0,
  /** In a drill or the studio: the canvas rectangle (CSS px: x0, y0, x1, y1) of the item a click drops pins on. */
  pickBox: [0, 0, 0, 0] as [number, number, number, number],
  /** The XR session's mode ('immersive-ar', 'immersive-vr'), or null on the desktop. */
  xrMode: null as string | null,
  /** In XR: whether the pair stands on a surface (AR: placed by hit-test; VR: on the room's table). */
  placed: false,
  /** In XR: the world position (metres) of the pair's base, once placed. */
  placedPosition: null as Vec3 | null,
  /** Whether the pair is held by an XRAnchor. */
  anchored: false,
  /** In XR: each slot's world position, whether it is drawn, and whether it holds the genuine item. */
  xrSlots: { A: { visible: false, position: [0, 0, 0] as Vec3, genuine: false }, B: { visible: false, position: [0, 0, 0] as Vec3, genuine: false } },
  /** Frames rendered inside an XR session. */
  xrFrames: 0,
  /** In AR before placement: where the reticle shows a surface hit, or null when none. */
  reticleAt: null as Vec3 | null,
  /** Tell panels drawn in XR (drei Text). */
  tellPanels: 0,
  /** Whether the neutral room is drawn (immersive-vr). */
  vrRoom: false,
  /** The XR toolbar's buttons (names), which are on, and where each stands (world, metres). */
  xrToolbar: { buttons: [] as string[], pressed: [] as boolean[], positions: [] as Vec3[] },
  /** On the comparison stage: whether the genuine and the counterfeit are drawn this frame (the overlay's flicker shows one at a time). */
  itemsShown: { genuine: false, counterfeit: false },
  /** The desktop loupe's centre (CSS px from the canvas's top left), or null while it is put away. */
  loupeAt: null as [number, number] | null,
  /** The XR loupe: whether its lens is drawn, where it is (world, metres), and lens renders so far. */
  xrLoupe: { visible: false, position: [0, 0, 0] as Vec3, renders: 0 },
};
