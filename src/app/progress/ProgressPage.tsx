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
import { localText } from '../../i18n/text';
import { useTranslation } from 'react-i18next';

export function ProgressPage() {
  const { t } = useTranslation('progress');
  return (
    <Gate
      title={t('title')}
      roles={SIGNED_IN}
      signInText={t('signInText')}
      deniedText={t('deniedText')}
    >
      {(user) => <OwnProgress userId={user.id} />}
    </Gate>
  );
}

function OwnProgress({ userId }: { userId: string }) {
  const { t } = useTranslation('progress');
  const { data: summary, error, reload } = useLoad(() => api.progress(), userId);
  return (
    <main className="page progress-page">
      <h1>{t('title')}</h1>
      {error ? (
        <LoadError what={t('whatYours')} message={error} retry={reload} />
      ) : !summary ? (
        <LoadingBar label={t('loadingYours')} />
      ) : (
        <>
          {summary.attempts === 0 ? (
            <section className="empty-state" aria-labelledby="empty-title">
              <h2 id="empty-title">{t('emptyTitle')}</h2>
              <p className="lead">{t('emptyLead')}</p>
              <button type="button" className="button" onClick={() => navigate({ page: 'drill' })}>{t('startDrill')}</button>
            </section>
          ) : (
            <>
              <HeadlineFigures summary={summary} label={t('yourFigures')} />
              <PractiseNext items={summary.practiseNext} />
              <section aria-labelledby="charts-title">
                <h2 id="charts-title">{t('charts')}</h2>
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
  const { t } = useTranslation('progress');
  const now = new Date();
  return (
    <section aria-labelledby="practise-title" className="practise-next">
      <h2 id="practise-title">{t('practiseNext')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('nothingDue')}</p>
      ) : (
        <ol className="practise-list">
          {items.map((item) => {
            const category = tellCategoryLabel(item.category);
            return (
              <li key={`${item.productId}/${item.category}`} className="practise-item">
                <div className="practise-what">
                  <span className="practise-product">{localText(item.productName)}</span>
                  <span className="practise-category">{category}</span>
                </div>
                <div className="practise-why">
                  <span className={`reason ${reasonClass[item.reason]}`}>{practiseReasonLabel(item.reason)}</span>
                  {item.reason === 'new' ? null : (
                    <span className="practise-due">
                      {t('due')} <time dateTime={item.due}>{formatDate(item.due)}</time> ({formatRelativeDay(item.due, now)})
                    </span>
                  )}
                </div>
                <button
                  type="button"
                  className="button"
                  aria-label={t('practiseLabel', { product: localText(item.productName), category })}
                  onClick={() => navigate({ page: 'drill', product: item.productId })}
                >
                  {t('practise')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
