/**
 * How the trainee answers: a call and how sure they are (spot the fake, verdict), or the pins they
 * dropped on the suspect (find the tells). Native radios, range and buttons, so the keyboard and
 * screen readers work as they do everywhere else.
 */
import { useId } from 'react';
import { traineePinName } from '../../scene/drill/drill-pin-texture';
import { MAX_PINS, type DrillQuestion } from '../../domain/drill';
import { useDrill, type DrillChoice } from '../../scene/state/drill-store';
import { drillActions } from './drill-actions';
import { useTranslation } from 'react-i18next';

function ChoiceRadios({ legend, options, disabled }: { legend: string; options: { value: DrillChoice; text: string; tone: string }[]; disabled: boolean }) {
  const name = useId();
  const choice = useDrill((s) => s.choice);
  return (
    <fieldset className="drill-choices" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className={`drill-choice ${o.tone}`} data-checked={choice === o.value}>
          <input type="radio" name={name} value={o.value} checked={choice === o.value} onChange={() => drillActions.choose(o.value)} />
          <span>{o.text}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The confidence slider: 50 % (a coin toss) to 100 % (certain) in steps of 5, stored as 0.5..1 for the Brier score. */
export function ConfidenceSlider({ disabled }: { disabled: boolean }) {
  const id = useId();
  const confidence = useDrill((s) => s.confidence);
  const pct = Math.round(confidence * 100);
  const { t } = useTranslation('drill');
  return (
    <div className="drill-confidence">
      <label htmlFor={id}>{t('sure')}</label>
      <div className="drill-confidence-row">
        <input
          id={id}
          type="range"
          min={50}
          max={100}
          step={5}
          value={pct}
          disabled={disabled}
          aria-valuetext={t('percent', { value: pct })}
          onChange={(e) => drillActions.setConfidence(Number(e.target.value) / 100)}
        />
        <output htmlFor={id} aria-live="polite">{t('percent', { value: pct })}</output>
      </div>
      <p className="drill-hint-text">{t('sureHelp')}</p>
    </div>
  );
}

function PinList({ tellCount, disabled }: { tellCount: number | undefined; disabled: boolean }) {
  const pins = useDrill((s) => s.pins);
  const { t } = useTranslation('drill');
  return (
    <div className="drill-pins">
      <p className="drill-pin-count" aria-live="polite" data-testid="pin-count">
        {t('pins', { count: pins.length })}
        {tellCount !== undefined && t('itemHas', { count: tellCount })}
      </p>
      {pins.length === 0 ? (
        <p className="drill-hint-text">{t('pinHelp')}</p>
      ) : (
        <ol className="drill-pin-list" aria-label={t('yourPins')}>
          {pins.map((p, i) => (
            <li key={i}>
              <span className="drill-pin-badge" aria-hidden>{traineePinName(i + 1)}</span>
              <span className="drill-pin-where">{t('pin', { n: i + 1 })}</span>
              <button type="button" className="drill-remove" aria-label={t('removePin', { n: i + 1 })} disabled={disabled} onClick={() => drillActions.removePin(i)}>
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      {pins.length >= MAX_PINS && <p className="drill-hint-text">{t('maxPins', { max: MAX_PINS })}</p>}
    </div>
  );
}

export function AnswerControls({ question, disabled }: { question: DrillQuestion; disabled: boolean }) {
  const { t } = useTranslation('drill');
  if (question.kind === 'find-the-tells') return <PinList tellCount={question.tellCount} disabled={disabled} />;
  const options: { value: DrillChoice; text: string; tone: string }[] =
    question.kind === 'spot-the-fake'
      ? [
          { value: 'A', text: t('aIsFake'), tone: 'is-fake' },
          { value: 'B', text: t('bIsFake'), tone: 'is-fake' },
        ]
      : [
          { value: 'genuine', text: t('common:genuine'), tone: 'is-genuine' },
          { value: 'counterfeit', text: t('common:counterfeit'), tone: 'is-fake' },
        ];
  return (
    <>
      <ChoiceRadios legend={question.kind === 'spot-the-fake' ? t('whichFake') : t('yourVerdict')} options={options} disabled={disabled} />
      <ConfidenceSlider disabled={disabled} />
    </>
  );
}
