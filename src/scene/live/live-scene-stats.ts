/** Figures about the live stage that browser tests read through window.__twinspect.live.scene. */
type Vec3 = [number, number, number];

export const liveSceneStats = {
  /** The question (round) whose items are drawn, once their models are in. */
  drawn: null as string | null,
  /** Avatars of others drawn in the last frame: heads, hands and pointer rays; the instructor's laser. */
  heads: 0,
  hands: 0,
  rays: 0,
  laser: false,
  /** Presence updates and turn intents this client sent. */
  presenceSent: 0,
  /** This client's own head (the camera) in the pair's frame, as last offered to the room. */
  head: [0, 0, 0] as Vec3,
  turnsSent: 0,
  /** The models' rotation now (item A's turntable, [x, y, z, w]): "Follow me" makes every page's the same. */
  rotation: [0, 0, 0, 1] as [number, number, number, number],
  /** The tell drawn as spotlighted (its id), or null. */
  spotlight: null as string | null,
  /** The XR answer panel's buttons (names), which are chosen, and where each stands (world, metres). */
  xrButtons: { names: [] as string[], pressed: [] as boolean[], positions: [] as Vec3[] },
  /** What the XR panel's line says. */
  xrLine: '',
};
