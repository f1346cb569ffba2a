/** The three drills in the words a trainee reads: a name, what it asks, and the task beside the stage. */
import { DRILL_KINDS, type DrillKind } from '../../domain/drill';

export interface KindInfo {
  name: string;
  /** On the start screen's card. */
  blurb: string;
  /** Beside the stage, while answering. */
  task: string;
}

export const KIND_INFO: Record<DrillKind, KindInfo> = {
  'spot-the-fake': {
    name: 'Spot the fake',
    blurb: 'Two items side by side, in no particular order. Which one is the counterfeit?',
    task: 'One of these two is genuine and one is counterfeit. Turn them, weigh them, look closely: which is the counterfeit?',
  },
  'find-the-tells': {
    name: 'Find the tells',
    blurb: 'A genuine reference beside a known counterfeit. Drop pins where the counterfeit gives itself away.',
    task: 'The suspect on the right is counterfeit. Click on it wherever it differs from the genuine reference to drop a pin.',
  },
  verdict: {
    name: 'Verdict',
    blurb: 'One item alone, as at the border. Genuine or counterfeit — and how sure are you?',
    task: 'One item, no reference. Is it genuine or counterfeit?',
  },
};

export function drillKindOf(s: string | null | undefined): DrillKind | null {
  return (DRILL_KINDS as readonly string[]).includes(s ?? '') ? (s as DrillKind) : null;
}
