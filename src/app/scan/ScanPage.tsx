/**
 * Scan: point the camera at an item (or drop a photo of it) and the catalogue's matching products
 * are offered. The detector runs in a Web Worker on this device; nothing of the picture is sent.
 */
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { ScanOutcome } from '../../domain/recognition';
import { CameraError, openCamera, stopCamera } from '../../recognition/camera';
import { loadScanSetup } from '../../recognition/scan-catalogue';
import { createScanner, type ScanResult, type Scanner } from '../../recognition/scanner';
import { api } from '../api';
import { LoadingBar } from '../LoadingBar';
import { DetectionBoxes } from './DetectionBoxes';
import { ScanResults } from './ScanResults';
import './scan.css';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';
import { runsOnKey } from './runs-on';

/** Why the camera could not be opened, in the interface's language. */
function cameraErrorText(e: CameraError): string {
  switch (e.reason) {
    case 'refused':
      return i18n.t('scan:camera.refused');
    case 'missing':
      return i18n.t('scan:camera.missing');
    case 'insecure':
      return i18n.t('scan:camera.insecure');
    case 'busy':
      return i18n.t('scan:camera.busy');
    default:
      return i18n.t('scan:cameraFailed');
  }
}

type Source = 'camera' | 'photo';

/** The test hook: window.__twinspect.scan, where window.__twinspect exists. */
function hook(update: (s: NonNullable<NonNullable<Window['__twinspect']>['scan']>) => void) {
  const t = window.__twinspect;
  if (!t) return;
  t.scan ??= { results: 0, backend: null, last: null };
  update(t.scan);
}

export function ScanPage() {
  const { t } = useTranslation('scan');
  const scannerRef = useRef<Scanner | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  /** What the frame in the worker came from; results from a source no longer shown are dropped. */
  const inflightRef = useRef<Source | null>(null);
  const sourceRef = useRef<Source | null>(null);
  /** A photo chosen while the worker was loading or busy: sent as soon as it is free. */
  const pendingPhotoRef = useRef<Blob | null>(null);

  const [progress, setProgress] = useState<number | undefined>(undefined);
  const [backend, setBackend] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [photoUrl, setPhotoUrl] = useState<string | null>(null);
  const [result, setResult] = useState<ScanResult | null>(null);
  const [dragging, setDragging] = useState(false);
  const [starting, setStarting] = useState(false);

  const sendPhoto = useCallback(() => {
    const scanner = scannerRef.current;
    const blob = pendingPhotoRef.current;
    if (!scanner || !blob || !scanner.free) return;
    createImageBitmap(blob)
      .then((bitmap) => {
        if (pendingPhotoRef.current !== blob) return bitmap.close(); // replaced, or already sent
        // Refused (busy): it stays pending and goes with the next result.
        if (scanner.scanBitmap(bitmap)) {
          pendingPhotoRef.current = null;
          inflightRef.current = 'photo';
        }
      })
      .catch(() => {
        if (pendingPhotoRef.current === blob) pendingPhotoRef.current = null;
        setError(i18n.t('scan:badPicture'));
      });
  }, []);

  // The worker: starts when the page opens, ends when it closes.
  useEffect(() => {
    let alive = true;
    hook((s) => Object.assign(s, { results: 0, backend: null, last: null }));
    const scanner = createScanner({
      onProgress: (f) => alive && setProgress(f * 100),
      onReady: (b) => {
        if (!alive) return;
        setBackend(b);
        hook((s) => (s.backend = b));
        sendPhoto();
      },
      onResult: (r) => {
        if (!alive) return;
        const from = inflightRef.current;
        inflightRef.current = null;
        if (from === sourceRef.current) {
          setResult(r);
          hook((s) => {
            s.results += 1;
            s.last = r.outcome as ScanOutcome;
          });
        }
        sendPhoto();
      },
      onError: (message) => {
        if (!alive) return;
        inflightRef.current = null;
        setError(message);
      },
    });
    scannerRef.current = scanner;
    loadScanSetup(api)
      .then((setup) => alive && scanner.init(setup.catalogue, setup.modelUrl))
      .catch((e: unknown) => alive && setError(i18n.t('scan:catalogueFailed', { reason: e instanceof Error ? e.message : String(e) })));
    return () => {
      alive = false;
      scanner.dispose();
      scannerRef.current = null;
    };
  }, [sendPhoto]);

  const stopLive = useCallback(() => {
    stopCamera(streamRef.current);
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
  }, []);

  // The camera stops when the page closes (and a camera that opens after that is stopped at once).
  const mountedRef = useRef(true);
  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      stopLive();
    };
  }, [stopLive]);
  // The photo's object URL is freed when replaced or on leaving.
  useEffect(() => () => void (photoUrl && URL.revokeObjectURL(photoUrl)), [photoUrl]);

  // The live loop: each animation frame, a new frame goes to the worker only if it is free.
  useEffect(() => {
    if (source !== 'camera') return;
    let raf = 0;
    let grabbing = false;
    const tick = () => {
      raf = requestAnimationFrame(tick);
      const scanner = scannerRef.current;
      const video = videoRef.current;
      if (grabbing || !scanner?.free || !video || video.readyState < 2 || !video.videoWidth || pendingPhotoRef.current) return;
      grabbing = true;
      createImageBitmap(video)
        .then((bitmap) => {
          if (sourceRef.current !== 'camera') return bitmap.close();
          inflightRef.current = 'camera';
          if (!scanner.scanBitmap(bitmap)) inflightRef.current = null;
        })
        .catch(() => undefined) // a frame not ready yet: the next one will do
        .finally(() => (grabbing = false));
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [source]);

  const show = (s: Source | null) => {
    sourceRef.current = s;
    setSource(s);
    setResult(null);
  };

  const startCamera = async () => {
    if (!videoRef.current) return;
    setCameraError(null);
    setStarting(true);
    pendingPhotoRef.current = null;
    try {
      stopLive();
      const stream = await openCamera(videoRef.current);
      if (!mountedRef.current) return stopCamera(stream);
      streamRef.current = stream;
      setPhotoUrl(null);
      show('camera');
    } catch (e) {
      setCameraError(e instanceof CameraError ? cameraErrorText(e) : i18n.t('scan:cameraFailed'));
    } finally {
      setStarting(false);
    }
  };

  const choosePhoto = (file: File | undefined) => {
    if (!file) return;
    if (!file.type.startsWith('image/')) {
      setError(i18n.t('scan:notPicture'));
      return;
    }
    setError(null);
    stopLive();
    setPhotoUrl(URL.createObjectURL(file));
    show('photo');
    pendingPhotoRef.current = file;
    sendPhoto();
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    choosePhoto(Array.from(e.dataTransfer.files).find((f) => f.type.startsWith('image/')) ?? e.dataTransfer.files[0]);
  };

  const ready = backend !== null;
  const waiting = source !== null && !result;

  return (
    <main className="page scan">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>

      {!ready && !error && <LoadingBar label={t('loadingDetector')} progress={progress} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      <div className="scan-actions">
        <button type="button" className="primary" onClick={() => void startCamera()} disabled={starting || source === 'camera'}>
          {t('useCamera')}
        </button>
        {source === 'camera' && (
          <button type="button" className="secondary" onClick={() => (stopLive(), show(null))}>
            {t('stopCamera')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => fileRef.current?.click()}>
          {t('choosePhoto')}
        </button>
        <input
          ref={fileRef}
          className="scan-file-input"
          type="file"
          accept="image/*"
          aria-label={t('photoToScan')}
          tabIndex={-1}
          onChange={(e) => {
            choosePhoto(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {/* Where recognition runs, in words; the backend's own name (webgl, wasm, cpu) only in data-backend, for diagnostics. */}
        <span className="scan-backend" data-testid="scan-backend" data-backend={backend ?? ''}>
          {t(runsOnKey(backend))}
        </span>
      </div>
      {cameraError && (
        <p className="error" role="alert">
          {cameraError}
        </p>
      )}

      <div className="scan-layout">
        <section
          className={dragging ? 'scan-area dragging' : 'scan-area'}
          aria-label={t('pictureToScan')}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <video ref={videoRef} muted playsInline hidden={source !== 'camera'} />
          {source === 'photo' && photoUrl && <img src={photoUrl} alt={t('photoAlt')} />}
          {source === null && <p className="scan-placeholder">{t('placeholder')}</p>}
          {result && source && <DetectionBoxes detections={result.outcome.detections} width={result.width} height={result.height} />}
        </section>
        <section className="scan-side" aria-label={t('results')}>
          {waiting && <p className="scan-status">{ready ? t('looking') : t('waitingDetector')}</p>}
          <ScanResults outcome={result?.outcome ?? null} source={source} />
          <p className="scan-note">{t('privacy')}</p>
        </section>
      </div>
    </main>
  );
}
