/** The three drills in the words a trainee reads: a name, what it asks, and the task beside the stage. */
import { DRILL_KINDS, type DrillKind } from '../../domain/drill';
import { i18n } from '../../i18n/i18n';

export interface KindInfo {
  name: string;
  /** On the start screen's card. */
  blurb: string;
  /** Beside the stage, while answering. */
  task: string;
}

/** The words in the interface's language (drill.json), read when used. */
const info = (kind: DrillKind): KindInfo => ({
  get name() {
    return i18n.t(`drill:kinds.${kind}.name`);
  },
  get blurb() {
    return i18n.t(`drill:kinds.${kind}.blurb`);
  },
  get task() {
    return i18n.t(`drill:kinds.${kind}.task`);
  },
});

export const KIND_INFO: Record<DrillKind, KindInfo> = {
  'spot-the-fake': info('spot-the-fake'),
  'find-the-tells': info('find-the-tells'),
  verdict: info('verdict'),
};

export function drillKindOf(s: string | null | undefined): DrillKind | null {
  return (DRILL_KINDS as readonly string[]).includes(s ?? '') ? (s as DrillKind) : null;
}
