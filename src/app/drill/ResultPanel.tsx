/**
 * After the answer: right or wrong, the score and what it is made of, which item was which, and the
 * counterfeit's tells (numbered as their pins on the stage), so every drill ends as a study lesson.
 */
import { useEffect, useRef } from 'react';
import type { Tell } from '../../domain/catalogue';
import type { DrillQuestion, DrillResult } from '../../domain/drill';
import { TellFacts } from '../TellCard';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';
import { formatNumber, useLocalText } from '../../i18n/text';

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return m > 0 ? i18n.t('drill:minSec', { m, s: s % 60 }) : i18n.t('drill:sec', { s });
}

const pct = (x: number) => i18n.t('drill:percent', { value: Math.round(x * 100) });

function headline(result: DrillResult): string {
  if (result.kind === 'find-the-tells') return i18n.t(result.score.passed ? 'drill:passed' : 'drill:notPassed');
  return i18n.t(result.score.correct ? 'drill:right' : 'drill:wrong');
}

/** The look of the study mode's TellCard, for a tell that was found, missed, or simply revealed. */
function RevealedTell({ tell, n, found }: { tell: Tell; n: number; found: boolean | null }) {
  const { t } = useTranslation('drill');
  const text = useLocalText();
  return (
    <li>
      <article className={`tell-card drill-tell${found === false ? ' missed' : ''}`} aria-label={t('tellN', { n, title: text(tell.title) })}>
        <header>
          <h3><span className="pin-badge drill-tell-n" aria-hidden>{n}</span> {text(tell.title)}</h3>
          {found !== null && <span className={`drill-found ${found ? 'yes' : 'no'}`}>{found ? t('found') : t('missed')}</span>}
        </header>
        <TellFacts tell={tell} />
      </article>
    </li>
  );
}

export function ResultPanel({ question, result }: { question: DrillQuestion; result: DrillResult }) {
  const { score } = result;
  const { t } = useTranslation('drill');
  const text = useLocalText();
  const good = result.kind === 'find-the-tells' ? score.passed : score.correct;
  const found = new Set(score.pinMatches.map((m) => m.tellId).filter((id): id is string => !!id));
  const tellsFind = result.kind === 'find-the-tells';
  const title = useRef<HTMLHeadingElement>(null);
  // The answer replaced the controls that had focus: move it to the verdict, so it is read out and the keyboard goes on from there.
  useEffect(() => title.current?.focus(), []);
  return (
    <section className="drill-result" aria-labelledby="drill-result-title">
      <h2 id="drill-result-title" ref={title} tabIndex={-1} className={`drill-verdict ${good ? 'right' : 'wrong'}`} data-testid="drill-verdict">
        <span className="drill-verdict-icon" aria-hidden>{good ? '✓' : '✗'}</span> {headline(result)}
      </h2>
      <dl className="drill-figures">
        <div><dt>{t('score')}</dt><dd data-testid="drill-score">{pct(score.scaled)}</dd></div>
        {score.brier !== null && (
          <div title={t('brierTitle')}>
            <dt>{t('brier')}</dt><dd>{formatNumber(score.brier, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} <small>{t('best')}</small></dd>
          </div>
        )}
        {tellsFind && <div><dt>{t('tellsFound')}</dt><dd data-testid="drill-tells-found">{score.tellsFound} / {score.tellsTotal}</dd></div>}
        {tellsFind && <div><dt>{t('falseAlarms')}</dt><dd>{score.falseAlarms}</dd></div>}
        {score.hintsUsed > 0 && <div><dt>{t('hintsUsed')}</dt><dd>{score.hintsUsed}</dd></div>}
        <div><dt>{t('time')}</dt><dd>{formatDuration(score.durationMs)}</dd></div>
      </dl>
      <p className={`drill-saved ${result.saved ? 'saved' : 'guest'}`} data-testid="drill-saved">
        {result.saved ? t('saved') : question.guest ? t('guestNotSaved') : t('notSaved')}
      </p>
      <h3 className="drill-sub">{t('whichWasWhich')}</h3>
      <ul className="drill-revealed">
        {result.revealed.map((r) => (
          <li key={r.label} className={r.kind}>
            <strong>{r.label}</strong> = {r.kind === 'genuine' ? t('common:genuine') : r.provenance ? t('revealedCounterfeit', { provenance: text(r.provenance) }) : t('common:counterfeit')}
          </li>
        ))}
      </ul>
      {result.tells.length > 0 ? (
        <>
          <h3 className="drill-sub">{t('fakeTells')}</h3>
          <ol className="drill-tells">
            {result.tells.map((t, i) => (
              <RevealedTell key={t.id} tell={t} n={i + 1} found={tellsFind ? found.has(t.id) : null} />
            ))}
          </ol>
        </>
      ) : (
        !result.revealed.some((r) => r.kind === 'counterfeit') && <p className="drill-hint-text">{t('genuineNoTells')}</p>
      )}
    </section>
  );
}
