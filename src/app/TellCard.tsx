/** What the genuine item shows at a tell, and what this counterfeit shows instead. */
import type { Tell } from '../domain/catalogue';
import type { Side } from './compare-store';
import { compareActions } from './compare-store';
import { isoLabel, severityLabel, tellCategoryLabel, toolLabel } from './labels';

/** The tell's tags (category, ISO class, tool, severity) and what the genuine and the counterfeit show. */
export function TellFacts({ tell, genuine = 'Genuine', counterfeit = 'Counterfeit' }: { tell: Tell; genuine?: string; counterfeit?: string }) {
  return (
    <>
      <p className="tags">
        <span className="chip">{tellCategoryLabel(tell.category)}</span>
        <span className="chip">{isoLabel(tell.iso)}</span>
        <span className="chip">Reveal with: {toolLabel(tell.tool)}</span>
        <span className={`chip sev-${tell.severity}`}>{severityLabel(tell.severity)}</span>
      </p>
      <div className="compare-text">
        <div className="genuine"><h4>{genuine}</h4><p>{tell.genuine}</p></div>
        <div className="counterfeit"><h4>{counterfeit}</h4><p>{tell.counterfeit}</p></div>
      </div>
    </>
  );
}

export function TellCard({ tell, genuineSide }: { tell: Tell; genuineSide: Side }) {
  const fakeSide = genuineSide === 'A' ? 'B' : 'A';
  return (
    <article className="tell-card" aria-label={`Tell: ${tell.title}`}>
      <header>
        <h3>{tell.title}</h3>
        <button type="button" className="close" aria-label="Close tell" onClick={compareActions.clearTell}>×</button>
      </header>
      <TellFacts tell={tell} genuine={`Genuine (${genuineSide})`} counterfeit={`Counterfeit (${fakeSide})`} />
    </article>
  );
}
