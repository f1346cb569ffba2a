/** A progress summary as headline figures and the four charts: a trainee's own, or a whole group's. */
import type { ProgressSummary } from '../../domain/progress';
import { CalibrationChart, CategoryBars, ProductBars, TimelineChart } from './charts';
import { brierVerdict, formatBrier, formatCount, formatPercent } from './format';
import { useTranslation } from 'react-i18next';

export function HeadlineFigures({ summary, label }: { summary: ProgressSummary; label: string }) {
  const { t } = useTranslation('progress');
  const figures = [
    { term: t('fig.drills'), value: formatCount(summary.attempts), note: null },
    { term: t('fig.accuracy'), value: formatPercent(summary.accuracy), note: t('fig.accuracyNote') },
    { term: t('fig.tellsFound'), value: formatPercent(summary.tellsFoundRate), note: t('fig.tellsNote') },
    { term: t('fig.brier'), value: formatBrier(summary.meanBrier), note: t('fig.brierNote', { verdict: brierVerdict(summary.meanBrier) }) },
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
