/** The keyboard-reachable list of tells: choosing one turns both items to it. */
import type { Tell } from '../domain/catalogue';
import { compareActions } from '../scene/state/compare-store';
import { tellCategoryLabel, toolLabel } from './labels';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../i18n/text';

export function TellList({ tells, selectedId }: { tells: Tell[]; selectedId: string | null }) {
  const { t: tr } = useTranslation('compare');
  const text = useLocalText();
  return (
    <section className="tells">
      <h2 id="tells-heading">{tr('tells')}</h2>
      <ol className="tell-list" aria-labelledby="tells-heading">
        {tells.map((t, i) => (
          <li key={t.id}>
            <button type="button" className="tell-item" aria-current={t.id === selectedId ? 'true' : undefined} onClick={() => compareActions.focusTell(t.id)}>
              <span className={`pin-badge${t.id === selectedId ? ' selected' : ''}`} aria-hidden>{i + 1}</span>
              <span className="tell-title">{text(t.title)}</span>
              <span className="tell-sub">{tellCategoryLabel(t.category)} · {toolLabel(t.tool)}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
