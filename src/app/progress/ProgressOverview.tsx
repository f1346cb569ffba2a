/** A progress summary as headline figures and the four charts: a trainee's own, or a whole group's. */
import type { ProgressSummary } from '../../domain/progress';
import { CalibrationChart, CategoryBars, ProductBars, TimelineChart } from './charts';
import { brierVerdict, formatBrier, formatCount, formatPercent } from './format';

export function HeadlineFigures({ summary, label }: { summary: ProgressSummary; label: string }) {
  const figures = [
    { term: 'Drills answered', value: formatCount(summary.attempts), note: null },
    { term: 'Accuracy', value: formatPercent(summary.accuracy), note: 'Right calls in spot-the-fake and verdict drills' },
    { term: 'Tells found', value: formatPercent(summary.tellsFoundRate), note: 'In find-the-tells drills' },
    { term: 'Brier score', value: formatBrier(summary.meanBrier), note: `${brierVerdict(summary.meanBrier)} · 0 is perfect` },
  ];
  return (
    <dl className="headline" aria-label={label}>
      {figures.map((f) => (
        <div key={f.term} className="headline-figure">
          <dt>{f.term}</dt>
          <dd className="headline-value">{f.value}</dd>
          {f.note ? <dd className="headline-note">{f.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

export function ProgressCharts({ summary }: { summary: ProgressSummary }) {
  return (
    <div className="charts">
      <div className="chart-wide"><TimelineChart points={summary.timeline} /></div>
      <ProductBars products={summary.byProduct} />
      <CategoryBars categories={summary.byCategory} />
      <CalibrationChart bins={summary.calibration} meanBrier={summary.meanBrier} />
    </div>
  );
}
