/**
 * Over the stage's canvas (DOM, not WebGL): the description of its keys that the stage points to, a
 * live region that speaks what the keyboard did, and, while pins are dropped by keyboard, the
 * crosshair and a line of key help. Rendered by StageKeyboard in a React root of its own.
 */
import { useTranslation } from 'react-i18next';
import { useStageKeyboard, type PickerSubject } from './keyboard-store';

/** The description of the keys and the line of key help, for what the crosshair aims. */
const WORDS: Record<PickerSubject, { help: string; hint: string }> = {
  suspect: { help: 'stage.helpPins', hint: 'stage.hintPins' },
  model: { help: 'stage.helpModel', hint: 'stage.hintModel' },
  ruler: { help: 'stage.helpRuler', hint: 'stage.hintRuler' },
  loupe: { help: 'stage.helpLoupe', hint: 'stage.hintLoupe' },
};

export function StageKeyOverlay({ helpId }: { helpId: string }) {
  const { t } = useTranslation('a11y');
  const subject = useStageKeyboard((s) => s.picker?.subject ?? null);
  const shown = useStageKeyboard((s) => s.picker !== null && s.focused && s.keyboard);
  const cursor = useStageKeyboard((s) => s.cursor);
  const over = useStageKeyboard((s) => s.over);
  const said = useStageKeyboard((s) => s.announcement);
  return (
    <>
      <p id={helpId} className="visually-hidden">{t(subject ? WORDS[subject].help : 'stage.help')}</p>
      <p className="visually-hidden" role="status" data-testid="stage-announcement">
        {/* A new node each time, so that the same words are spoken again. */}
        {said && <span key={said.n}>{t(said.key, { ...said.values })}</span>}
      </p>
      {shown && (
        <>
          <div
            className="stage-crosshair"
            data-over={over}
            data-testid="stage-crosshair"
            style={{ left: `${cursor.x * 100}%`, top: `${cursor.y * 100}%` }}
            aria-hidden
          />
          <p className="stage-key-hint" aria-hidden>{subject && t(WORDS[subject].hint)}</p>
        </>
      )}
    </>
  );
}
