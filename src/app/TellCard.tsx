/** What the genuine item shows at a tell, and what this counterfeit shows instead. */
import type { Tell } from '../domain/catalogue';
import type { Side } from '../scene/state/compare-store';
import { compareActions } from '../scene/state/compare-store';
import { isoLabel, severityLabel, tellCategoryLabel, toolLabel } from './labels';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../i18n/text';

/** The tell's tags (category, ISO class, tool, severity) and what the genuine and the counterfeit show. */
export function TellFacts({ tell, genuine, counterfeit }: { tell: Tell; genuine?: string; counterfeit?: string }) {
  const { t } = useTranslation('compare');
  const text = useLocalText();
  return (
    <>
      <p className="tags">
        <span className="chip">{tellCategoryLabel(tell.category)}</span>
        <span className="chip">{isoLabel(tell.iso)}</span>
        <span className="chip">{t('revealWith', { tool: toolLabel(tell.tool) })}</span>
        <span className={`chip sev-${tell.severity}`}>{severityLabel(tell.severity)}</span>
      </p>
      <div className="compare-text">
        <div className="genuine"><h4>{genuine ?? t('common:genuine')}</h4><p>{text(tell.genuine)}</p></div>
        <div className="counterfeit"><h4>{counterfeit ?? t('common:counterfeit')}</h4><p>{text(tell.counterfeit)}</p></div>
      </div>
    </>
  );
}

export function TellCard({ tell, genuineSide }: { tell: Tell; genuineSide: Side }) {
  const { t } = useTranslation('compare');
  const text = useLocalText();
  const fakeSide = genuineSide === 'A' ? 'B' : 'A';
  return (
    <article className="tell-card" aria-label={t('tellLabel', { title: text(tell.title) })}>
      <header>
        <h3>{text(tell.title)}</h3>
        <button type="button" className="close" aria-label={t('closeTell')} onClick={compareActions.clearTell}>×</button>
      </header>
      <TellFacts tell={tell} genuine={t('genuineSide', { side: genuineSide })} counterfeit={t('counterfeitSide', { side: fakeSide })} />
    </article>
  );
}
