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
import { formatDate, formatDay, formatPercent, toPercentPoints } from './format';
import { i18n } from '../../i18n/i18n';
import { localText } from '../../i18n/text';

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
          label: i18n.t('progress:chart.accuracy'),
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
          label: i18n.t('progress:chart.tellsFound'),
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
          label: i18n.t('progress:chart.drills'),
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
        y: percentAxis(i18n.t('progress:chart.accuracyAxis'), { position: 'left' as const }),
        attempts: {
          type: 'linear' as const,
          position: 'right' as const,
          beginAtZero: true,
          title: { display: true, text: i18n.t('progress:chart.drills'), color: THEME.muted },
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
      ? i18n.t('progress:chart.timelineSummary', { days: i18n.t('progress:n.days', { count: points.length }), first: formatDay(first.day), last: formatDay(last.day), drills: i18n.t('progress:n.drills', { count: last.attempts }), accuracy: formatPercent(last.accuracy), tells: formatPercent(last.tellsFoundRate) })
      : '';
  return (
    <ChartFigure
      title={i18n.t('progress:chart.timelineTitle')}
      empty={points.length === 0 && i18n.t('progress:chart.noDrills')}
      height={280}
      table={{
        head: [i18n.t('progress:chart.day'), i18n.t('progress:chart.drills'), i18n.t('progress:chart.accuracy'), i18n.t('progress:chart.tellsFound')],
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
    () => ({ labels, datasets: [{ label: i18n.t('progress:chart.mastery'), data: values.map((v) => toPercentPoints(v)), backgroundColor: colour, borderRadius: 3, maxBarThickness: 22 }] }),
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
  if (rows.length === 1) return i18n.t('progress:chart.masteryOne', { label: hi.label, value: formatPercent(hi.value) });
  return i18n.t('progress:chart.masteryMany', { count: rows.length, what, hi: hi.label, hiValue: formatPercent(hi.value), lo: lo.label, loValue: formatPercent(lo.value) });
}

const barsHeight = (n: number) => 60 + 30 * Math.max(n, 1);

/** Mastery per product (0–100 %), drills answered in the tooltip. */
export function ProductBars({ products }: { products: ProductProgress[] }) {
  const labels = useMemo(() => products.map((p) => localText(p.productName)), [products]);
  const values = useMemo(() => products.map((p) => p.mastery), [products]);
  const details = useMemo(
    () => (i: number) => {
      const p = products[i];
      return p ? [i18n.t('progress:n.drills', { count: p.attempts }), i18n.t('progress:chart.accuracyIs', { value: formatPercent(p.accuracy) }), i18n.t('progress:chart.tellsFoundIs', { value: formatPercent(p.tellsFoundRate) })] : [];
    },
    [products],
  );
  return (
    <ChartFigure
      title={i18n.t('progress:chart.byProduct')}
      empty={products.length === 0 && i18n.t('progress:chart.noProducts')}
      height={barsHeight(products.length)}
      table={{
        head: [i18n.t('progress:chart.product'), i18n.t('progress:chart.mastery'), i18n.t('progress:chart.drills'), i18n.t('progress:chart.accuracy'), i18n.t('progress:chart.tellsFound')],
        rows: products.map((p) => [localText(p.productName), formatPercent(p.mastery), p.attempts, formatPercent(p.accuracy), formatPercent(p.tellsFoundRate)]),
      }}
    >
      <MasteryBars
        labels={labels}
        values={values}
        details={details}
        colour={OKABE_ITO.bluishGreen}
        axisTitle="Mastery"
        ariaLabel={extremes(i18n.t('progress:chart.products'), products.map((p) => ({ label: localText(p.productName), value: p.mastery })))}
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
      return c ? [i18n.t('progress:chart.foundOf', { value: formatPercent(c.successRate), tells: i18n.t('progress:n.tells', { count: c.observations }) })] : [];
    },
    [categories],
  );
  return (
    <ChartFigure
      title={i18n.t('progress:chart.byCategory')}
      empty={categories.length === 0 && i18n.t('progress:chart.noTells')}
      height={barsHeight(categories.length)}
      table={{
        head: [i18n.t('progress:chart.tellCategory'), i18n.t('progress:chart.mastery'), i18n.t('progress:chart.successRate'), i18n.t('progress:chart.tellsSeen')],
        rows: categories.map((c) => [tellCategoryLabel(c.category), formatPercent(c.mastery), formatPercent(c.successRate), c.observations]),
      }}
    >
      <MasteryBars
        labels={labels}
        values={values}
        details={details}
        colour={OKABE_ITO.reddishPurple}
        axisTitle="Mastery"
        ariaLabel={extremes(i18n.t('progress:chart.categories'), categories.map((c) => ({ label: tellCategoryLabel(c.category), value: c.mastery })))}
      />
    </ChartFigure>
  );
}

export { CalibrationChart } from './CalibrationChart';
