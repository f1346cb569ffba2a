/** The editor's menu: one button per registered action, with its shortcut; the click mode shows which is on. */
import { ACTIONS, runAction, type ActionName } from './actions';
import { useEditor, type ClickMode } from './editor-store';
import { useTranslation } from 'react-i18next';

const MODE_OF: Partial<Record<ActionName, ClickMode>> = { placeTell: 'place', moveTell: 'move', linkToGenuine: 'link' };

export function StudioToolbar() {
  const { t } = useTranslation('studio');
  const state = useEditor((s) => s);
  return (
    <div className="toolbar" role="toolbar" aria-label={t('commands')}>
      {ACTIONS.map((a) => {
        const mode = MODE_OF[a.name];
        const label = t(`actions.${a.name}`);
        return (
          <button
            key={a.name}
            className={a.name === 'submitForReview' ? 'primary' : undefined}
            disabled={!a.enabled(state)}
            aria-pressed={mode ? state.mode === mode : undefined}
            aria-keyshortcuts={a.keys}
            title={a.keys ? t('withShortcut', { label, keys: a.keys }) : label}
            onClick={() => runAction(a.name)}
          >
            {label}
          </button>
        );
      })}
      <span className="grow" />
      <span className="tell-sub" role="status" aria-label={t('saveState')}>{t(`save.${state.save}`)}</span>
    </div>
  );
}
