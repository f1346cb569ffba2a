/**
 * "View in your space" on an iPhone, iPad or Vision Pro: one AR Quick Look link per item on the stage,
 * to the variant's USDZ (made by the server from its GLB). Quick Look opens a link only with rel="ar"
 * and an <img> as its first element; browsers without Quick Look (relList does not support "ar") get
 * nothing, since the link would only download the file.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../domain/catalogue';
import { usdzUrl } from '../domain/quick-look';
import { useLocalText } from '../i18n/text';
import { variantsBySide, type Pair, type Side } from '../scene/state/compare-store';
import './quick-look.css';

/** Whether the browser opens rel="ar" links in AR Quick Look (Safari on iOS, iPadOS and visionOS). */
export function quickLookSupported(): boolean {
  try {
    return typeof document !== 'undefined' && document.createElement('a').relList.supports('ar');
  } catch {
    return false;
  }
}

/** A cube in a corner frame, the usual sign for "view in AR"; drawn here, so nothing is fetched. */
const AR_BADGE =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" fill="none" stroke="#0b1320" stroke-width="3" stroke-linejoin="round">' +
      '<path d="M4 14V4h10M34 4h10v10M44 34v10H34M14 44H4V34"/><path d="M24 11l11 6v13l-11 6-11-6V17z"/><path d="M13 17l11 6 11-6M24 23v13"/></svg>',
  );

export function QuickLookLinks({ product, pair, genuineSide }: { product: Product; pair: Pair; genuineSide: Side }) {
  const { t } = useTranslation('apple');
  const text = useLocalText();
  const [supported] = useState(quickLookSupported);
  if (!supported) return null;
  const bySide = variantsBySide(pair, genuineSide);
  return (
    <nav className="quick-look" aria-label={t('title')}>
      {(['A', 'B'] as Side[]).map((side) => (
        <a key={side} rel="ar" href={usdzUrl(product.id, bySide[side].id)} data-testid={`quick-look-${side}`}>
          <img src={AR_BADGE} alt="" width={28} height={28} />
          <span>{t('viewItem', { side, label: text(bySide[side].label) })}</span>
        </a>
      ))}
    </nav>
  );
}
