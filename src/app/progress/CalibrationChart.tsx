/**
 * Calibration: stated confidence (x, 50–100 %) against how often those calls were right (y), per
 * confidence band, beside the diagonal of a perfectly calibrated officer.
 */
import { useMemo } from 'react';
import { Chart } from 'react-chartjs-2';
import type { TooltipItem } from 'chart.js';
import type { CalibrationBin } from '../../domain/progress';
import { ChartFigure, OKABE_ITO, THEME, legend, percentAxis, useReducedMotion } from './chart-kit';
import { formatBand, formatBrier, formatPercent, plural, toPercentPoints } from './format';

export function CalibrationChart({ bins, meanBrier }: { bins: CalibrationBin[]; meanBrier: number | null }) {
  const reduced = useReducedMotion();
  const rated = useMemo(() => bins.filter((b) => b.count > 0 && b.meanConfidence !== null && b.accuracy !== null), [bins]);
  const data = useMemo(
    () => ({
      datasets: [
        {
          label: 'Actual accuracy',
          data: rated.map((b) => ({ x: toPercentPoints(b.meanConfidence) ?? 0, y: toPercentPoints(b.accuracy) ?? 0 })),
          showLine: true,
          borderColor: OKABE_ITO.vermillion,
          backgroundColor: OKABE_ITO.vermillion,
          // Bigger points for bands with more calls behind them.
          pointRadius: rated.map((b) => Math.min(4 + Math.sqrt(b.count), 12)),
          pointHoverRadius: rated.map((b) => Math.min(6 + Math.sqrt(b.count), 14)),
        },
        {
          label: 'Perfectly calibrated',
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
        x: percentAxis('Stated confidence', { min: 50 }),
        y: percentAxis('Actually right'),
      },
      plugins: {
        legend,
        tooltip: {
          filter: (item: TooltipItem<'scatter'>) => item.datasetIndex === 0,
          callbacks: {
            title: (items: TooltipItem<'scatter'>[]) => {
              const b = rated[items[0]?.dataIndex ?? -1];
              return b ? `Said ${formatBand(b.from, b.to)} sure` : '';
            },
            label: (item: TooltipItem<'scatter'>) => {
              const b = rated[item.dataIndex];
              return b ? `${plural(b.count, 'call')}: right ${formatPercent(b.accuracy)} (mean confidence ${formatPercent(b.meanConfidence)})` : '';
            },
          },
        },
      },
    }),
    [reduced, rated],
  );
  const summary =
    `Stated confidence against accuracy. ` +
    rated.map((b) => `Said ${formatBand(b.from, b.to)}: right ${formatPercent(b.accuracy)} of ${plural(b.count, 'call')}`).join('; ') +
    `. Mean Brier score ${formatBrier(meanBrier)}.`;
  return (
    <ChartFigure
      title="Calibration: how sure against how right"
      caption={<>Mean Brier score <strong>{formatBrier(meanBrier)}</strong> (0 is perfect, 0.25 is a coin toss)</>}
      empty={rated.length === 0 && 'No calls with a stated confidence yet.'}
      height={300}
      table={{
        head: ['Stated confidence', 'Calls', 'Mean confidence', 'Actually right'],
        rows: bins.map((b) => [formatBand(b.from, b.to), b.count, formatPercent(b.meanConfidence), formatPercent(b.accuracy)]),
      }}
    >
      <Chart type="scatter" data={data} options={options} aria-label={summary} />
    </ChartFigure>
  );
}
