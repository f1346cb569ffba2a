/** A trainee's own progress: headline figures, the charts, and what to practise next. */
import type { PractiseItem } from '../../domain/progress';
import { SIGNED_IN } from '../../domain/roles';
import { api } from '../api';
import { tellCategoryLabel } from '../labels';
import { LoadingBar } from '../LoadingBar';
import { navigate } from '../route';
import { formatDate, formatRelativeDay, practiseReasonLabel } from './format';
import { Gate, LoadError } from './Gate';
import { HeadlineFigures, ProgressCharts } from './ProgressOverview';
import { useLoad } from './useLoad';
import './progress.css';

export function ProgressPage() {
  return (
    <Gate
      title="Your progress"
      roles={SIGNED_IN}
      signInText="Sign in to track your progress."
      deniedText="Your account cannot keep progress."
    >
      {(user) => <OwnProgress userId={user.id} />}
    </Gate>
  );
}

function OwnProgress({ userId }: { userId: string }) {
  const { data: summary, error, reload } = useLoad(() => api.progress(), userId);
  return (
    <main className="page progress-page">
      <h1>Your progress</h1>
      {error ? (
        <LoadError what="your progress" message={error} retry={reload} />
      ) : !summary ? (
        <LoadingBar label="Loading your progress" />
      ) : (
        <>
          {summary.attempts === 0 ? (
            <section className="empty-state" aria-labelledby="empty-title">
              <h2 id="empty-title">No drills answered yet</h2>
              <p className="lead">Answer a drill and your accuracy, the tells you find and how well you judge your own certainty will show here.</p>
              <button type="button" className="button" onClick={() => navigate({ page: 'drill' })}>Start a drill</button>
            </section>
          ) : (
            <>
              <HeadlineFigures summary={summary} label="Your figures" />
              <PractiseNext items={summary.practiseNext} />
              <section aria-labelledby="charts-title">
                <h2 id="charts-title">Charts</h2>
                <ProgressCharts summary={summary} />
              </section>
            </>
          )}
          {summary.attempts === 0 && summary.practiseNext.length > 0 ? <PractiseNext items={summary.practiseNext} /> : null}
        </>
      )}
    </main>
  );
}

const reasonClass: Record<PractiseItem['reason'], string> = { new: 'reason-new', due: 'reason-due', upcoming: 'reason-upcoming' };

function PractiseNext({ items }: { items: PractiseItem[] }) {
  const now = new Date();
  return (
    <section aria-labelledby="practise-title" className="practise-next">
      <h2 id="practise-title">Practise next</h2>
      {items.length === 0 ? (
        <p className="muted">Nothing is due. Any drill keeps your eye in.</p>
      ) : (
        <ol className="practise-list">
          {items.map((item) => {
            const category = tellCategoryLabel(item.category);
            return (
              <li key={`${item.productId}/${item.category}`} className="practise-item">
                <div className="practise-what">
                  <span className="practise-product">{item.productName}</span>
                  <span className="practise-category">{category}</span>
                </div>
                <div className="practise-why">
                  <span className={`reason ${reasonClass[item.reason]}`}>{practiseReasonLabel(item.reason)}</span>
                  {item.reason === 'new' ? null : (
                    <span className="practise-due">
                      Due <time dateTime={item.due}>{formatDate(item.due)}</time> ({formatRelativeDay(item.due, now)})
                    </span>
                  )}
                </div>
                <button
                  type="button"
                  className="button"
                  aria-label={`Practise ${item.productName}: ${category}`}
                  onClick={() => navigate({ page: 'drill', product: item.productId })}
                >
                  Practise
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
