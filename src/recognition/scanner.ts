/**
 * The main thread's side of the scan worker. One frame at a time: while the worker is busy,
 * scanBitmap refuses the frame (returns false and closes it) — frames are skipped, never queued.
 */
import type { ScanOutcome } from '../domain/recognition';
import type { ScanCatalogueEntry, ScanReply, ScanRequest } from './scan-worker';

export type { ScanCatalogueEntry } from './scan-worker';

export interface ScanResult {
  outcome: ScanOutcome;
  /** The size of the picture the boxes refer to (the frame as analysed, scaled down). */
  width: number;
  height: number;
  /** Milliseconds the worker spent on the frame. */
  ms: number;
}

export interface ScannerHandlers {
  onProgress?: (fraction: number) => void;
  onReady?: (backend: string) => void;
  onResult?: (result: ScanResult) => void;
  onError?: (message: string) => void;
}

export interface Scanner {
  /** Loads the detector and describes the catalogue's reference photos; onReady follows. */
  init(catalogue: ScanCatalogueEntry[], modelUrl?: string): void;
  /** Whether a frame sent now would be taken (ready and not busy). */
  readonly free: boolean;
  /** Sends a frame (transferred). false: not ready or busy — the frame is skipped and closed. */
  scanBitmap(bitmap: ImageBitmap): boolean;
  dispose(): void;
}

export const MODEL_URL = '/models/coco-ssd/model.json';

export function createScanner(handlers: ScannerHandlers): Scanner {
  const worker = new Worker(new URL('./scan-worker.ts', import.meta.url), { type: 'module', name: 'twinspect-scan' });
  let ready = false;
  let busy = false;
  let disposed = false;
  const send = (m: ScanRequest, transfer: Transferable[] = []) => worker.postMessage(m, transfer);

  worker.onmessage = (ev: MessageEvent<ScanReply>) => {
    if (disposed) return;
    const m = ev.data;
    switch (m.type) {
      case 'progress':
        handlers.onProgress?.(m.fraction);
        break;
      case 'ready':
        ready = true;
        handlers.onReady?.(m.backend);
        break;
      case 'result':
        busy = false;
        handlers.onResult?.({ outcome: m.outcome, width: m.width, height: m.height, ms: m.ms });
        break;
      case 'error':
        busy = false;
        handlers.onError?.(m.message);
        break;
    }
  };
  worker.onerror = (ev) => {
    if (disposed) return;
    ev.preventDefault();
    busy = false;
    handlers.onError?.(ev.message || 'The scan worker failed to start.');
  };

  return {
    init(catalogue, modelUrl = MODEL_URL) {
      send({ type: 'init', modelUrl: new URL(modelUrl, location.href).href, catalogue: catalogue.map((e) => ({ ...e, photos: e.photos.map((p) => new URL(p, location.href).href) })) });
    },
    get free() {
      return ready && !busy && !disposed;
    },
    scanBitmap(bitmap) {
      if (!ready || busy || disposed) {
        bitmap.close();
        return false;
      }
      busy = true;
      send({ type: 'frame', bitmap }, [bitmap]);
      return true;
    },
    dispose() {
      disposed = true;
      worker.terminate();
    },
  };
}
