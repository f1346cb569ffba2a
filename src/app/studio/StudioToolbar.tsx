/** The editor's menu: one button per registered action, with its shortcut; the click mode shows which is on. */
import { ACTIONS, runAction, type ActionName } from './actions';
import { useEditor, type ClickMode } from './editor-store';

const MODE_OF: Partial<Record<ActionName, ClickMode>> = { placeTell: 'place', moveTell: 'move', linkToGenuine: 'link' };
const SAVE_WORDS = { saved: 'All changes saved', unsaved: 'Unsaved changes', saving: 'Saving…', error: 'Not saved' } as const;

export function StudioToolbar() {
  const state = useEditor((s) => s);
  return (
    <div className="toolbar" role="toolbar" aria-label="Studio commands">
      {ACTIONS.map((a) => {
        const mode = MODE_OF[a.name];
        return (
          <button
            key={a.name}
            className={a.name === 'submitForReview' ? 'primary' : undefined}
            disabled={!a.enabled(state)}
            aria-pressed={mode ? state.mode === mode : undefined}
            aria-keyshortcuts={a.keys}
            title={a.keys ? `${a.label} (${a.keys})` : a.label}
            onClick={() => runAction(a.name)}
          >
            {a.label}
          </button>
        );
      })}
      <span className="grow" />
      <span className="tell-sub" role="status" aria-label="Save state">{SAVE_WORDS[state.save]}</span>
    </div>
  );
}
