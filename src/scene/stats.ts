/** Figures about the stage that tests and benchmarks read through window.__twinspect. */
export const stageStats = { frames: 0, drawCalls: 0, triangles: 0, modelsLoaded: 0, firstFrameAt: 0 };
