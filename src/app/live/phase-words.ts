/** The phases of a live session in the words the page uses. */
import type { Phase } from '../../domain/live-protocol';
import { i18n } from '../../i18n/i18n';

/** Read when used, so they follow the interface's language (live.json). */
const words = (prefix: string): Record<Phase, string> =>
  new Proxy({} as Record<Phase, string>, { get: (_, phase) => i18n.t(`live:${prefix}.${String(phase)}`) });

export const PHASE_NAME: Record<Phase, string> = words('phase');

export const PHASE_TRAINEE: Record<Phase, string> = words('trainee');

export const PHASE_BUTTONS: { to: Phase; readonly label: string }[] = (['inspect', 'answer', 'reveal', 'leaderboard', 'ended'] as const).map((to) => ({
  to,
  get label() {
    return i18n.t(`live:button.${to}`);
  },
}));
