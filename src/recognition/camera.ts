/** The camera for Scan: the rear camera where there is one (phones), any camera otherwise. */

export class CameraError extends Error {
  constructor(
    message: string,
    readonly reason: 'refused' | 'missing' | 'insecure' | 'busy' | 'other',
  ) {
    super(message);
  }
}

export const CAMERA_MESSAGES = {
  refused: 'Camera permission was refused. Allow the camera for this site in the browser settings, or choose a photo instead.',
  missing: 'No camera found on this device. Choose a photo instead.',
  insecure: 'This page can only use the camera over HTTPS or on localhost. Open it that way, or choose a photo instead.',
  busy: 'The camera is in use by another application or could not be started. Close it there, or choose a photo instead.',
} as const;

function toCameraError(e: unknown): CameraError {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return new CameraError(CAMERA_MESSAGES.refused, 'refused');
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return new CameraError(CAMERA_MESSAGES.missing, 'missing');
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new CameraError(CAMERA_MESSAGES.busy, 'busy');
    default:
      return new CameraError(`The camera could not be opened${e instanceof Error && e.message ? `: ${e.message}` : ''}. Choose a photo instead.`, 'other');
  }
}

/** Opens the camera, shows it in `video` and resolves once it plays. Rejects with a CameraError. */
export async function openCamera(video: HTMLVideoElement): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError(CAMERA_MESSAGES.insecure, 'insecure');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
  } catch (e) {
    throw toCameraError(e);
  }
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
  } catch (e) {
    // A play() interrupted by leaving the page is not the camera's fault.
    if (!(e instanceof DOMException && e.name === 'AbortError')) {
      stopCamera(stream);
      throw toCameraError(e);
    }
  }
  return stream;
}

export function stopCamera(stream: MediaStream | null | undefined): void {
  stream?.getTracks().forEach((t) => t.stop());
}
