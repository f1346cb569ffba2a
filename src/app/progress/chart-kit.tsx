/**
 * What every progress chart shares: chart.js with only the parts the charts use registered (the rest
 * is tree-shaken away), the colours, reduced motion, and the <figure> with its accessible fallback.
 */
import { useSyncExternalStore, type ReactNode } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';

ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, ScatterController, CategoryScale, LinearScale, Tooltip, Legend);
ChartJS.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** Okabe–Ito: told apart with every common colour-vision deficiency. Each is ≥ 3:1 on white unless noted. */
export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  reddishPurple: '#CC79A7',
  orange: '#E69F00',
  /** Under 3:1 on white: fills only, with a darker edge. */
  skyBlue: '#56B4E9',
} as const;

/** The app's theme (styles.css :root), for text and grid lines. */
export const THEME = { ink: '#1b1f24', muted: '#5b6470', line: '#d7dce2' } as const;

/** Fill with transparency, for bars drawn behind lines. */
export const withAlpha = (hex: string, alpha: number) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
};

const REDUCE = '(prefers-reduced-motion: reduce)';
const hasMatchMedia = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function';
function subscribeMotion(onChange: () => void): () => void {
  if (!hasMatchMedia()) return () => {};
  const query = window.matchMedia(REDUCE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the reader asked for less motion; the charts then draw without animating. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeMotion,
    () => hasMatchMedia() && window.matchMedia(REDUCE).matches,
    () => false,
  );
}

/** A 0–100 % linear axis. */
export function percentAxis(title: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'linear' as const,
    min: 0,
    max: 100,
    title: { display: true, text: title, color: THEME.muted },
    ticks: { color: THEME.muted, callback: (v: string | number) => `${v}%` },
    grid: { color: THEME.line },
    ...extra,
  };
}

/** The category axis of a chart (days, products, tell categories). */
export const categoryAxis = {
  type: 'category' as const,
  ticks: { color: THEME.ink },
  grid: { display: false },
};

export const legend = {
  position: 'bottom' as const,
  labels: { color: THEME.ink, usePointStyle: true, boxHeight: 8 },
};

export interface TableSpec {
  head: string[];
  rows: (string | number)[][];
}

/**
 * A chart in a <figure>: a caption, the canvas (given role="img" and a summary by the chart), and
 * a visually hidden table with the same numbers for screen readers. With nothing to draw, a note.
 */
export function ChartFigure({
  title,
  caption,
  table,
  empty,
  height,
  children,
}: {
  title: string;
  caption?: ReactNode;
  table: TableSpec;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string | false;
  height: number;
  children: ReactNode;
}) {
  return (
    <figure className="chart">
      <figcaption>
        <span className="chart-title">{title}</span>
        {caption ? <span className="chart-caption">{caption}</span> : null}
      </figcaption>
      {empty ? (
        <p className="chart-empty">{empty}</p>
      ) : (
        <>
          <div className="chart-box" style={{ height }}>{children}</div>
          <table className="visually-hidden">
            <caption>{title}</caption>
            <thead>
              <tr>{table.head.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
