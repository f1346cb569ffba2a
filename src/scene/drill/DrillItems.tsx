/**
 * The items of the drill in progress, inside the study mode's <Stage>: one or two models side by
 * side at one true scale, labelled only "A"/"B" (or reference/suspect) until the answer is in. Then
 * the labels say which was which, the tells appear on the counterfeit (and where they would be on
 * the genuine), and the trainee's own pins turn green where they found a tell and red where not.
 */
import { useEffect, useMemo } from 'react';
import type { Tell } from '../../domain/catalogue';
import type { DrillItem, DrillQuestion, ItemLabel, PinMatch, RevealedItem } from '../../domain/drill';
import { compareStore, useCompare } from '../state/compare-store';
import { drillAnswerActions, useDrill } from '../state/drill-store';
import { PairProbe } from '../PairProbe';
import { useModel } from '../ProductModel';
import { resetTurntables } from '../turntable';
import { DrillSlot } from './DrillSlot';
import type { TellMark, TraineeMark } from './DrillPins';
import { useTranslation } from 'react-i18next';

/** As in ComparisonPair: half the distance between the two items' centres, and the larger item's largest side (world units). */
export const SPACING = 0.62;
export const DISPLAY_SIZE = 0.8;

/** The reference stands left of the suspect whatever their labels; otherwise A is left of B. */
function ordered(items: DrillItem[]): DrillItem[] {
  const rank = (i: DrillItem) => (i.role === 'reference' ? 0 : i.role === 'suspect' ? 1 : i.label === 'A' ? 0 : 1);
  return [...items].sort((a, b) => rank(a) - rank(b));
}

/** Loads every item's model (the caller suspends until all are in) and gives the one scale they share. */
function useSharedUnit(items: DrillItem[]): number {
  // The number of items is fixed for a question (the table is keyed by its id), so the hooks' order is stable.
  const sizes = items.map((i) => useModel(i.model).size);
  return DISPLAY_SIZE / Math.max(1e-3, ...sizes.map((s) => Math.max(s.x, s.y, s.z)));
}

/** Which tells are ringed on the counterfeit (`at`) and on the genuine (`genuineAt`). */
export interface Ringed {
  at: ReadonlySet<string>;
  genuineAt: ReadonlySet<string>;
}

export interface DrillTableProps {
  question: DrillQuestion;
  /** Which item was which, and the counterfeit's tells, once they are known. */
  reveal: { revealed: RevealedItem[]; tells: Tell[] } | null;
  /** How the trainee's pins were matched, once the answer is marked. */
  pinMatches: PinMatch[] | null;
  ringed: Ringed;
  /** Whether a click on the suspect drops a pin now. */
  canPin: boolean;
  /** The group's name in the scene, for tests and the probe. */
  name: string;
  /** The suspect's caption before the reveal (find the tells). */
  suspectCaption: string;
}

/** A drill's items on their turntables: shared by the drill page and live sessions. */
export function DrillTable({ question, reveal, pinMatches, ringed, canPin, name, suspectCaption }: DrillTableProps) {
  const items = useMemo(() => ordered(question.items), [question]);
  const unit = useSharedUnit(items);
  const pins = useDrill((s) => s.pins);
  const uv = useCompare((s) => s.uvLamp);
  const findTells = question.kind === 'find-the-tells';

  // A new drill starts square-on, with no ruler marks left from the last one.
  useEffect(() => {
    resetTurntables();
    compareStore.setState({ ruler: [] });
  }, []);

  const suspect: ItemLabel | null = findTells
    ? (question.items.find((i) => i.role === 'suspect')?.label ?? 'B')
    : (reveal?.revealed.find((r) => r.kind === 'counterfeit')?.label ?? null);
  const genuine: ItemLabel | null = reveal && question.items.length > 1 ? (reveal.revealed.find((r) => r.kind === 'genuine')?.label ?? null) : null;

  const { fakeMarks, genuineMarks } = useMemo(() => {
    if (!reveal) return { fakeMarks: [] as TellMark[], genuineMarks: [] as TellMark[] };
    const marks = (which: 'at' | 'genuineAt') => reveal.tells.map((t, i) => ({ id: t.id, n: i + 1, at: t[which], highlighted: ringed[which].has(t.id) }));
    return { fakeMarks: marks('at'), genuineMarks: marks('genuineAt') };
  }, [reveal, ringed]);

  const traineeMarks = useMemo<TraineeMark[]>(
    () =>
      findTells
        ? pins.map((pin, i) => {
            const match = pinMatches?.find((m) => m.pin === i);
            return { n: i + 1, pin, state: !pinMatches ? 'placed' : match?.tellId ? 'hit' : 'miss' };
          })
        : [],
    [findTells, pins, pinMatches],
  );

  const { t } = useTranslation('xr');
  const captionOf = (item: DrillItem) => {
    const kind = reveal?.revealed.find((r) => r.label === item.label)?.kind;
    if (findTells) return item.role === 'reference' ? t('genuineReference') : kind ? t('suspectCounterfeit') : suspectCaption;
    return kind ? t('itemKind', { label: item.label, kind: t(`common:${kind}`) }) : item.label;
  };

  return (
    <group name={name} userData={{ drillId: question.id }}>
      {items.map((item, i) => (
        <DrillSlot
          key={item.label}
          label={item.label}
          url={item.model}
          unit={unit}
          x={items.length === 1 ? 0 : i === 0 ? -SPACING : SPACING}
          caption={captionOf(item)}
          uv={uv}
          tells={item.label === suspect ? fakeMarks : item.label === genuine ? genuineMarks : []}
          trainee={item.label === suspect ? traineeMarks : []}
          onPick={findTells && canPin && item.label === suspect ? drillAnswerActions.addPin : undefined}
        />
      ))}
      {/* Here, not beside the table: it must mount only once the models are in (stageStats.pairFrameAt). */}
      <PairProbe />
    </group>
  );
}

const NONE: ReadonlySet<string> = new Set();

/** The drill page's table: after the answer, the tells a find-the-tells answer missed are ringed. */
function DrillPageTable({ question }: { question: DrillQuestion }) {
  const result = useDrill((s) => s.result);
  const answering = useDrill((s) => s.status === 'answering');
  const { t } = useTranslation('xr');
  const ringed = useMemo<Ringed>(() => {
    if (!result || question.kind !== 'find-the-tells') return { at: NONE, genuineAt: NONE };
    const found = new Set(result.score.pinMatches.map((m) => m.tellId));
    return { at: new Set(result.tells.map((t) => t.id).filter((id) => !found.has(id))), genuineAt: NONE };
  }, [result, question.kind]);
  return (
    <DrillTable
      question={question}
      reveal={result}
      pinMatches={result?.score.pinMatches ?? null}
      ringed={ringed}
      canPin={answering}
      name="drill-items"
      suspectCaption={t('suspectFind')}
    />
  );
}

/** The drill's items, or nothing before a question has come. */
export function DrillItems() {
  const question = useDrill((s) => s.question);
  return question ? <DrillPageTable key={question.id} question={question} /> : null;
}
