/**
 * The progress charts: thin wrappers around chart.js. Each is a <figure> whose canvas has role="img"
 * and a summary for its aria-label, with a visually hidden table of the same numbers.
 */
import { useMemo } from 'react';
import { Chart } from 'react-chartjs-2';
import type { TooltipItem } from 'chart.js';
import type { CategoryProgress, ProductProgress, TimelinePoint } from '../../domain/progress';
import { tellCategoryLabel } from '../labels';
import { ChartFigure, OKABE_ITO, THEME, categoryAxis, legend, percentAxis, useReducedMotion, withAlpha } from './chart-kit';
import { formatDate, formatDay, formatPercent, plural, toPercentPoints } from './format';

const pctLabel = (item: TooltipItem<'bar' | 'line' | 'scatter'>) =>
  `${item.dataset.label ?? ''}: ${item.parsed.y === null ? '—' : `${item.parsed.y}%`}`;

/** Accuracy and tells-found rate per day (lines, 0–100 %), with drills answered per day as bars. */
export function TimelineChart({ points }: { points: TimelinePoint[] }) {
  const reduced = useReducedMotion();
  const data = useMemo(
    () => ({
      labels: points.map((p) => formatDay(p.day)),
      datasets: [
        {
          type: 'line' as const,
          label: 'Accuracy',
          data: points.map((p) => toPercentPoints(p.accuracy)),
          yAxisID: 'y',
          borderColor: OKABE_ITO.blue,
          backgroundColor: OKABE_ITO.blue,
          pointStyle: 'circle' as const,
          spanGaps: true,
          order: 0,
        },
        {
          type: 'line' as const,
          label: 'Tells found',
          data: points.map((p) => toPercentPoints(p.tellsFoundRate)),
          yAxisID: 'y',
          borderColor: OKABE_ITO.vermillion,
          backgroundColor: OKABE_ITO.vermillion,
          borderDash: [6, 4],
          pointStyle: 'triangle' as const,
          pointRadius: 4,
          spanGaps: true,
          order: 1,
        },
        {
          type: 'bar' as const,
          label: 'Drills answered',
          data: points.map((p) => p.attempts),
          yAxisID: 'attempts',
          backgroundColor: withAlpha(OKABE_ITO.skyBlue, 0.45),
          borderColor: OKABE_ITO.skyBlue,
          borderWidth: 1,
          // A few days would otherwise each fill a wide block.
          maxBarThickness: 36,
          order: 2,
        },
      ],
    }),
    [points],
  );
  const options = useMemo(
    () => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: reduced ? (false as const) : undefined,
      interaction: { mode: 'index' as const, intersect: false },
      scales: {
        x: categoryAxis,
        y: percentAxis('Accuracy / tells found', { position: 'left' as const }),
        attempts: {
          type: 'linear' as const,
          position: 'right' as const,
          beginAtZero: true,
          title: { display: true, text: 'Drills answered', color: THEME.muted },
          ticks: { color: THEME.muted, precision: 0 },
          grid: { drawOnChartArea: false },
        },
      },
      plugins: {
        legend,
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar' | 'line'>) =>
              item.dataset.yAxisID === 'attempts' ? `Drills answered: ${item.parsed.y}` : pctLabel(item),
          },
        },
      },
    }),
    [reduced],
  );
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last
      ? `Daily results over ${plural(points.length, 'day')}, ${formatDay(first.day)} to ${formatDay(last.day)}. ` +
        `Latest day: ${plural(last.attempts, 'drill')}, accuracy ${formatPercent(last.accuracy)}, tells found ${formatPercent(last.tellsFoundRate)}.`
      : '';
  return (
    <ChartFigure
      title="Accuracy and tells found, day by day"
      empty={points.length === 0 && 'No drills answered yet.'}
      height={280}
      table={{
        head: ['Day', 'Drills answered', 'Accuracy', 'Tells found'],
        rows: points.map((p) => [formatDate(`${p.day}T00:00:00Z`, 'UTC'), p.attempts, formatPercent(p.accuracy), formatPercent(p.tellsFoundRate)]),
      }}
    >
      <Chart type="bar" data={data} options={options} aria-label={summary} />
    </ChartFigure>
  );
}

/** Horizontal 0–100 % bars, one per row, with extra tooltip lines per row. */
function MasteryBars({ labels, values, details, colour, axisTitle, ariaLabel }: {
  labels: string[];
  values: number[];
  details: (i: number) => string[];
  colour: string;
  axisTitle: string;
  ariaLabel: string;
}) {
  const reduced = useReducedMotion();
  const data = useMemo(
    () => ({ labels, datasets: [{ label: 'Mastery', data: values.map((v) => toPercentPoints(v)), backgroundColor: colour, borderRadius: 3, maxBarThickness: 22 }] }),
    [labels, values, colour],
  );
  const options = useMemo(
    () => ({
      indexAxis: 'y' as const,
      // A tooltip for the whole row, not only over the bar itself (short bars are small targets).
      interaction: { mode: 'index' as const, axis: 'y' as const, intersect: false },
      responsive: true,
      maintainAspectRatio: false,
      animation: reduced ? (false as const) : undefined,
      scales: { x: percentAxis(axisTitle), y: categoryAxis },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => `Mastery: ${item.parsed.x}%`,
            afterLabel: (item: TooltipItem<'bar'>) => details(item.dataIndex),
          },
        },
      },
    }),
    [reduced, axisTitle, details],
  );
  return <Chart type="bar" data={data} options={options} aria-label={ariaLabel} />;
}

/** "Mastery for 4 products. Highest: X, 80%. Lowest: Y, 35%." */
function extremes(what: string, rows: { label: string; value: number }[]): string {
  if (rows.length === 0) return '';
  const sorted = [...rows].sort((a, b) => b.value - a.value);
  const hi = sorted[0]!;
  const lo = sorted[sorted.length - 1]!;
  if (rows.length === 1) return `Mastery for ${hi.label}: ${formatPercent(hi.value)}.`;
  return `Mastery for ${rows.length} ${what}. Highest: ${hi.label}, ${formatPercent(hi.value)}. Lowest: ${lo.label}, ${formatPercent(lo.value)}.`;
}

const barsHeight = (n: number) => 60 + 30 * Math.max(n, 1);

/** Mastery per product (0–100 %), drills answered in the tooltip. */
export function ProductBars({ products }: { products: ProductProgress[] }) {
  const labels = useMemo(() => products.map((p) => p.productName), [products]);
  const values = useMemo(() => products.map((p) => p.mastery), [products]);
  const details = useMemo(
    () => (i: number) => {
      const p = products[i];
      return p ? [plural(p.attempts, 'drill'), `Accuracy: ${formatPercent(p.accuracy)}`, `Tells found: ${formatPercent(p.tellsFoundRate)}`] : [];
    },
    [products],
  );
  return (
    <ChartFigure
      title="Mastery by product"
      empty={products.length === 0 && 'No products practised yet.'}
      height={barsHeight(products.length)}
      table={{
        head: ['Product', 'Mastery', 'Drills answered', 'Accuracy', 'Tells found'],
        rows: products.map((p) => [p.productName, formatPercent(p.mastery), p.attempts, formatPercent(p.accuracy), formatPercent(p.tellsFoundRate)]),
      }}
    >
      <MasteryBars
        labels={labels}
        values={values}
        details={details}
        colour={OKABE_ITO.bluishGreen}
        axisTitle="Mastery"
        ariaLabel={extremes('products', products.map((p) => ({ label: p.productName, value: p.mastery })))}
      />
    </ChartFigure>
  );
}

/** Mastery per tell category, by its human label. */
export function CategoryBars({ categories }: { categories: CategoryProgress[] }) {
  const labels = useMemo(() => categories.map((c) => tellCategoryLabel(c.category)), [categories]);
  const values = useMemo(() => categories.map((c) => c.mastery), [categories]);
  const details = useMemo(
    () => (i: number) => {
      const c = categories[i];
      return c ? [`Found ${formatPercent(c.successRate)} of ${plural(c.observations, 'tell')}`] : [];
    },
    [categories],
  );
  return (
    <ChartFigure
      title="Mastery by tell category"
      empty={categories.length === 0 && 'No tells looked for yet.'}
      height={barsHeight(categories.length)}
      table={{
        head: ['Tell category', 'Mastery', 'Success rate', 'Tells seen'],
        rows: categories.map((c) => [tellCategoryLabel(c.category), formatPercent(c.mastery), formatPercent(c.successRate), c.observations]),
      }}
    >
      <MasteryBars
        labels={labels}
        values={values}
        details={details}
        colour={OKABE_ITO.reddishPurple}
        axisTitle="Mastery"
        ariaLabel={extremes('tell categories', categories.map((c) => ({ label: tellCategoryLabel(c.category), value: c.mastery })))}
      />
    </ChartFigure>
  );
}

export { CalibrationChart } from './CalibrationChart';
