/** A group's progress: the whole group's figures and charts, one line per trainee, and the CSV export. */
import { useEffect, useRef } from 'react';
import { api, type TraineeRow } from '../api';
import { LoadingBar } from '../LoadingBar';
import { formatBrier, formatCount, formatDate, formatPercent } from './format';
import { LoadError } from './Gate';
import { HeadlineFigures, ProgressCharts } from './ProgressOverview';
import { useLoad } from './useLoad';
import { i18n } from '../../i18n/i18n';

/** `version` changes when the group's members change: the progress is then fetched again. */
export function GroupProgressView({ groupId, groupName, version }: { groupId: string; groupName: string; version: number }) {
  const progress = useLoad(() => api.groupProgress(groupId), groupId);
  const seen = useRef(version);
  const { reload } = progress;
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);

  return (
    <section aria-labelledby="group-progress-title" className="group-progress">
      <div className="section-head">
        <h3 id="group-progress-title">{i18n.t('progress:group.progress')}</h3>
        <a className="button secondary" href={api.groupCsvUrl(groupId)} download>
          {i18n.t('progress:group.exportCsv')}
        </a>
      </div>
      {progress.error ? (
        <LoadError what={i18n.t('progress:group.whatProgress')} message={progress.error} retry={progress.reload} />
      ) : !progress.data ? (
        <LoadingBar label={i18n.t('progress:group.loadingProgress')} />
      ) : progress.data.overall.attempts === 0 && progress.data.trainees.every((t) => t.attempts === 0) ? (
        <>
          <p className="muted">{i18n.t('progress:group.noDrills')}</p>
          <TraineeTable rows={progress.data.trainees} />
        </>
      ) : (
        <>
          <HeadlineFigures summary={progress.data.overall} label={i18n.t('progress:group.figures', { name: groupName })} />
          <TraineeTable rows={progress.data.trainees} />
          <ProgressCharts summary={progress.data.overall} />
        </>
      )}
    </section>
  );
}

function TraineeTable({ rows }: { rows: TraineeRow[] }) {
  if (rows.length === 0) return <p className="muted">{i18n.t('progress:group.noTrainees')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table trainee-table">
        <caption>{i18n.t('progress:group.trainees')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('progress:group.trainee')}</th>
            <th scope="col" className="num">{i18n.t('progress:fig.drills')}</th>
            <th scope="col" className="num">{i18n.t('progress:fig.accuracy')}</th>
            <th scope="col" className="num">{i18n.t('progress:fig.tellsFound')}</th>
            <th scope="col" className="num">{i18n.t('progress:fig.brier')}</th>
            <th scope="col">{i18n.t('progress:group.lastActive')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.userId}>
              <th scope="row">{t.displayName}</th>
              <td className="num">{formatCount(t.attempts)}</td>
              <td className="num">{formatPercent(t.accuracy)}</td>
              <td className="num">{formatPercent(t.tellsFoundRate)}</td>
              <td className="num">{formatBrier(t.meanBrier)}</td>
              <td>{t.lastActive ? <time dateTime={t.lastActive}>{formatDate(t.lastActive)}</time> : i18n.t('progress:group.never')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
