/**
 * Beside the drill's stage: the task, what each item weighs, the answer controls and hints while
 * answering; the result and what next once the answer is in; and any error, with a way on.
 */
import type { DrillKind, DrillQuestion } from '../../domain/drill';
import { categoryLabel, tellCategoryLabel } from '../labels';
import { useCompare } from '../../scene/state/compare-store';
import { navigate } from '../route';
import { useSession } from '../session';
import { LoadingBar } from '../LoadingBar';
import { AnswerControls } from './answer-controls';
import { drillAnswerOf, useDrill } from '../../scene/state/drill-store';
import { drillActions } from './drill-actions';
import { KIND_INFO } from './kinds';
import { ResultPanel } from './ResultPanel';
import { PendingAnswerNotice } from '../offline/PendingAnswerNotice';
import { useTranslation } from 'react-i18next';
import { formatNumber, useLocalText } from '../../i18n/text';

function DrillError({ hasQuestion, productId }: { hasQuestion: boolean; productId: string | null }) {
  const error = useDrill((s) => s.error);
  const kind = useDrill((s) => s.kind);
  const { t } = useTranslation('drill');
  if (!error) return null;
  const what = t(`error.${error.during}`);
  return (
    <div role="alert" className="drill-error">
      <p><strong>{what}.</strong> {error.message}</p>
      <div className="drill-actions">
        <button type="button" onClick={() => void drillActions.retry()}>{t('retry')}</button>
        {hasQuestion && kind && <button type="button" className="secondary" onClick={() => void drillActions.start(kind, productId)}>{t('startNew')}</button>}
      </div>
    </div>
  );
}

function Hints({ question, busy }: { question: DrillQuestion; busy: boolean }) {
  const hints = useDrill((s) => s.hints);
  const used = useDrill((s) => s.hintsUsed);
  const pending = useDrill((s) => s.hintPending);
  const { t } = useTranslation('drill');
  const text = useLocalText();
  const left = Math.max(0, question.maxHints - used);
  return (
    <section className="drill-hints" aria-label={t('hints')}>
      <button type="button" className="drill-hint-button" disabled={left === 0 || pending || busy} onClick={() => void drillActions.hint()}>
        {pending ? t('askingHint') : t('hintLeft', { count: left })}
      </button>
      {used === 0 && left > 0 && <span className="drill-hint-text"> {t('hintCost')}</span>}
      {hints.length > 0 && (
        <ol className="drill-hint-cards">
          {hints.map((h, i) => (
            <li key={i} className="drill-hint-card">
              <span className="chip">{tellCategoryLabel(h.category)}</span>
              <h3>{text(h.title)}</h3>
              <p><strong>{t('genuineShows')}</strong> {text(h.genuine)}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Weights({ question }: { question: DrillQuestion }) {
  const ruler = useCompare((s) => s.ruler);
  const tool = useCompare((s) => s.tool);
  const { t } = useTranslation('drill');
  const [a, b] = ruler;
  const mm = a && b ? Math.hypot(a.point[0] - b.point[0], a.point[1] - b.point[1], a.point[2] - b.point[2]) * 1000 : null;
  return (
    <>
      <dl className="facts">
        {question.items.map((item) => (
          <div key={item.label}>
            <dt>{item.role === 'reference' ? t('reference') : item.role === 'suspect' ? t('suspect') : item.label}</dt>
            <dd>{t('compare:scale')} <strong data-testid={`weight-${item.label}`}>{t('common:grams', { value: formatNumber(item.weightGrams) })}</strong></dd>
          </div>
        ))}
      </dl>
      {tool === 'ruler' && (
        <p className="ruler-reading" aria-live="polite">
          {mm !== null ? <>{t('compare:ruler', { side: a!.side })} <strong data-testid="ruler-reading">{t('common:mm', { value: formatNumber(mm, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}</strong></> : t(ruler.length === 0 ? 'clickTwo' : 'clickSecond')}
        </p>
      )}
    </>
  );
}

function ResultActions({ kind, productId }: { kind: DrillKind; productId: string | null }) {
  const { user } = useSession();
  const { t } = useTranslation('drill');
  return (
    <div className="drill-actions">
      <button type="button" onClick={() => void drillActions.start(kind, productId)}>{t('nextDrill')}</button>
      <button type="button" className="secondary" onClick={() => navigate({ page: 'drill', product: productId })}>{t('anotherKind')}</button>
      {user && <button type="button" className="secondary" onClick={() => navigate({ page: 'progress' })}>{t('seeProgress')}</button>}
    </div>
  );
}

export function DrillPanel({ kind, productId }: { kind: DrillKind; productId: string | null }) {
  const status = useDrill((s) => s.status);
  const question = useDrill((s) => s.question);
  const result = useDrill((s) => s.result);
  const pending = useDrill((s) => s.pending);
  // A boolean, not the answer itself: a selector must not build a new object on every read.
  const complete = useDrill((s) => drillAnswerOf(s) !== null);
  const info = KIND_INFO[kind];
  const { t } = useTranslation('drill');
  const text = useLocalText();
  const busy = status === 'submitting';
  return (
    <aside className="side-panel drill-panel" aria-label={t('panelLabel', { name: info.name })}>
      <button className="link" onClick={() => navigate({ page: 'drill', product: productId })}>{t('allDrills')}</button>
      <p className="drill-kind">{info.name}</p>
      {!question ? (
        status === 'loading' && <LoadingBar label={t('preparing')} />
      ) : (
        <>
          <h1 className="product-title">{text(question.product.name)}</h1>
          <p className="product-meta">{question.product.brand} · {categoryLabel(question.product.category)}</p>
          {status !== 'done' && <p className="drill-task">{info.task}</p>}
          <Weights question={question} />
          {status === 'done' && pending ? (
            <>
              <PendingAnswerNotice />
              <ResultActions kind={kind} productId={productId} />
            </>
          ) : status === 'done' && result ? (
            <>
              <ResultPanel question={question} result={result} />
              <ResultActions kind={kind} productId={productId} />
            </>
          ) : (
            <form
              className="drill-answer"
              aria-label={t('yourAnswer')}
              onSubmit={(e) => {
                e.preventDefault();
                void drillActions.submit();
              }}
            >
              <AnswerControls question={question} disabled={busy} />
              <Hints question={question} busy={busy} />
              <button type="submit" className="drill-submit" disabled={!complete || busy}>{busy ? t('submitting') : t('submit')}</button>
              {question.guest && <p className="drill-hint-text">{t('guestNothingSaved')}</p>}
            </form>
          )}
        </>
      )}
      <DrillError hasQuestion={!!question} productId={productId} />
    </aside>
  );
}
