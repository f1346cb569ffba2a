/**
 * Photos of a check: taking one (the phone's rear camera, or a file), with a caption and "Keep
 * location" off by default (the server removes the GPS position unless it is ticked), and the strip
 * of photos taken, each saying whether it has been sent.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ShownPhoto {
  id: string;
  caption: string;
  /** A blob on this device, or the server's URL. */
  blob?: Blob;
  url?: string;
  sent: boolean;
  locationKept: boolean;
  refused?: string | null;
  /** The check it shows, or null for the item as a whole. */
  check?: string | null;
}

function Thumb({ photo }: { photo: ShownPhoto }) {
  const { t } = useTranslation('inspect');
  const [src, setSrc] = useState<string | undefined>(photo.url);
  useEffect(() => {
    if (!photo.blob) return setSrc(photo.url);
    const url = URL.createObjectURL(photo.blob);
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [photo.blob, photo.url]);
  return (
    <figure className="photo-thumb" data-photo={photo.id}>
      {src && <img src={src} alt={photo.caption || t('photoNoCaption')} />}
      <figcaption>
        {photo.caption}
        <span className="photo-state">
          {photo.refused ? t('photoRefused', { reason: photo.refused }) : photo.sent ? t('photoSent') : t('photoWaiting')}
          {photo.locationKept ? ` · ${t('photoLocationKept')}` : ''}
        </span>
      </figcaption>
    </figure>
  );
}

export function PhotoStrip({ photos }: { photos: ShownPhoto[] }) {
  const { t } = useTranslation('inspect');
  if (photos.length === 0) return null;
  return (
    <div className="photo-strip" role="group" aria-label={t('photos', { count: photos.length })}>
      {photos.map((p) => (
        <Thumb key={p.id} photo={p} />
      ))}
    </div>
  );
}

export function PhotoAdd({ label, onPhoto }: { label: string; onPhoto: (file: File, caption: string, keepLocation: boolean) => void }) {
  const { t } = useTranslation('inspect');
  const [caption, setCaption] = useState('');
  const [keep, setKeep] = useState(false);
  return (
    <div className="photo-add">
      <label className="field">
        {t('caption')}
        <input value={caption} onChange={(e) => setCaption(e.target.value)} maxLength={500} />
      </label>
      <label className="photo-keep">
        <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} />
        {t('keepLocation')}
      </label>
      <label className="field photo-pick">
        {t('addPhoto')}
        <input
          className="photo-input"
          type="file"
          accept="image/*"
          capture="environment"
          aria-label={label}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            onPhoto(file, caption.trim(), keep);
            setCaption('');
            setKeep(false);
          }}
        />
      </label>
      <p className="photo-hint">{keep ? t('keepLocationOn') : t('keepLocationOff')}</p>
    </div>
  );
}
