/**
 * Calibration: stated confidence (x, 50–100 %) against how often those calls were right (y), per
 * confidence band, beside the diagonal of a perfectly calibrated officer.
 */
import { useMemo } from 'react';
import { Chart } from 'react-chartjs-2';
import type { TooltipItem } from 'chart.js';
import type { CalibrationBin } from '../../domain/progress';
import { ChartFigure, OKABE_ITO, THEME, legend, percentAxis, useReducedMotion } from './chart-kit';
import { formatBand, formatBrier, formatPercent, toPercentPoints } from './format';
import { i18n } from '../../i18n/i18n';

export function CalibrationChart({ bins, meanBrier }: { bins: CalibrationBin[]; meanBrier: number | null }) {
  const reduced = useReducedMotion();
  const rated = useMemo(() => bins.filter((b) => b.count > 0 && b.meanConfidence !== null && b.accuracy !== null), [bins]);
  const data = useMemo(
    () => ({
      datasets: [
        {
          label: i18n.t('progress:cal.actual'),
          data: rated.map((b) => ({ x: toPercentPoints(b.meanConfidence) ?? 0, y: toPercentPoints(b.accuracy) ?? 0 })),
          showLine: true,
          borderColor: OKABE_ITO.vermillion,
          backgroundColor: OKABE_ITO.vermillion,
          // Bigger points for bands with more calls behind them.
          pointRadius: rated.map((b) => Math.min(4 + Math.sqrt(b.count), 12)),
          pointHoverRadius: rated.map((b) => Math.min(6 + Math.sqrt(b.count), 14)),
        },
        {
          label: i18n.t('progress:cal.perfect'),
          data: [{ x: 50, y: 50 }, { x: 100, y: 100 }],
          showLine: true,
          borderColor: THEME.muted,
          borderDash: [6, 4],
          borderWidth: 1.5,
          pointStyle: 'line' as const,
          pointRadius: 0,
          pointHoverRadius: 0,
        },
      ],
    }),
    [rated],
  );
  const options = useMemo(
    () => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: reduced ? (false as const) : undefined,
      interaction: { mode: 'nearest' as const, intersect: false },
      scales: {
        x: percentAxis(i18n.t('progress:cal.stated'), { min: 50 }),
        y: percentAxis(i18n.t('progress:cal.right')),
      },
      plugins: {
        legend,
        tooltip: {
          filter: (item: TooltipItem<'scatter'>) => item.datasetIndex === 0,
          callbacks: {
            title: (items: TooltipItem<'scatter'>[]) => {
              const b = rated[items[0]?.dataIndex ?? -1];
              return b ? i18n.t('progress:cal.saidSure', { band: formatBand(b.from, b.to) }) : '';
            },
            label: (item: TooltipItem<'scatter'>) => {
              const b = rated[item.dataIndex];
              return b ? i18n.t('progress:cal.tooltip', { calls: i18n.t('progress:n.calls', { count: b.count }), accuracy: formatPercent(b.accuracy), mean: formatPercent(b.meanConfidence) }) : '';
            },
          },
        },
      },
    }),
    [reduced, rated],
  );
  const summary =
    i18n.t('progress:cal.summaryStart') +
    rated.map((b) => i18n.t('progress:cal.summaryBin', { band: formatBand(b.from, b.to), accuracy: formatPercent(b.accuracy), calls: i18n.t('progress:n.calls', { count: b.count }) })).join('; ') +
    i18n.t('progress:cal.summaryEnd', { brier: formatBrier(meanBrier) });
  return (
    <ChartFigure
      title={i18n.t('progress:cal.title')}
      caption={<>{i18n.t('progress:cal.caption')} <strong>{formatBrier(meanBrier)}</strong> {i18n.t('progress:cal.captionNote')}</>}
      empty={rated.length === 0 && i18n.t('progress:cal.empty')}
      height={300}
      table={{
        head: [i18n.t('progress:cal.stated'), i18n.t('progress:cal.calls'), i18n.t('progress:cal.mean'), i18n.t('progress:cal.right')],
        rows: bins.map((b) => [formatBand(b.from, b.to), b.count, formatPercent(b.meanConfidence), formatPercent(b.accuracy)]),
      }}
    >
      <Chart type="scatter" data={data} options={options} aria-label={summary} />
    </ChartFigure>
  );
}
