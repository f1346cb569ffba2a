/** Where recognition runs, as the Scan page says it: words an officer understands, not the backend's name. */

/** Backends that run the detector on the graphics card; the others (wasm, cpu) run it on the processor. */
const GPU_BACKENDS = new Set(['webgl', 'webgpu']);

/** The scan namespace's key for the detector's backend (null: still loading). */
export function runsOnKey(backend: string | null): 'runsOnLoading' | 'runsOnGpu' | 'runsOnCpu' {
  if (backend === null) return 'runsOnLoading';
  return GPU_BACKENDS.has(backend) ? 'runsOnGpu' : 'runsOnCpu';
}
