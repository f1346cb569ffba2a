import { useEffect, useRef, useState } from 'react';
import type { Detection } from '../../domain/recognition';
import { percent } from '../../i18n/text';

/** Label size and line width on screen, in CSS pixels, whatever the picture's size. */
const FONT_PX = 14;
const STROKE_PX = 2.5;

/**
 * The detector's boxes and labels over the picture. The SVG's viewBox is the analysed picture's
 * size and it scales like the picture under it (object-fit: contain ↔ xMidYMid meet), so the boxes
 * follow the displayed size; labels keep a readable size on a phone and on a desktop.
 */
export function DetectionBoxes({ detections, width, height }: { detections: Detection[]; width: number; height: number }) {
  const ref = useRef<SVGSVGElement>(null);
  const [shown, setShown] = useState<{ w: number; h: number } | null>(null);
  useEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    const measure = () => setShown({ w: svg.clientWidth, h: svg.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(svg);
    return () => ro.disconnect();
  }, []);
  // Picture units per CSS pixel.
  const unit = shown && shown.w && shown.h ? 1 / Math.min(shown.w / width, shown.h / height) : 1;
  const font = FONT_PX * unit;
  const pad = 3 * unit;
  return (
    <svg ref={ref} className="scan-boxes" data-testid="detection-boxes" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet">
      {detections.map((d, i) => {
        const [x, y, w, h] = d.box;
        const label = `${d.cocoClass} ${percent(d.score)}`;
        const tagH = font + 2 * pad;
        const above = y >= tagH;
        const tagY = above ? y - tagH : y;
        return (
          <g key={i} className="scan-box" role="img" aria-label={label}>
            <rect x={x} y={y} width={w} height={h} strokeWidth={STROKE_PX * unit} />
            <rect className="scan-box-tag" x={x} y={tagY} width={label.length * font * 0.62 + 2 * pad} height={tagH} />
            <text x={x + pad} y={tagY + pad + font * 0.85} fontSize={font}>
              {label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
