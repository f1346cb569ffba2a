/**
 * The round's items in a live session, on the drill's turntables (DrillSlot): unlabelled A and B
 * (or reference and suspect) from the question's opaque model URLs, the same for everyone. After the
 * reveal the captions say which was which, the tells stand on the counterfeit (and where they would
 * be on the genuine), and the tell the instructor spotlights is ringed for everyone. A trainee's own
 * pins (find the tells) are dropped with a click on the suspect while the round is open.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { DrillItem, DrillQuestion, ItemLabel } from '../../domain/drill';
import type { RoundReveal } from '../../domain/live-protocol';
import { compareStore, useCompare } from '../../app/compare-store';
import { drillActions, useDrill } from '../../app/drill/drill-store';
import { liveStore } from '../../session/live';
import { parseQuestion, parseReveal } from '../../session/live-view';
import { DISPLAY_SIZE, SPACING } from '../drill/DrillItems';
import type { TellMark, TraineeMark } from '../drill/DrillPins';
import { DrillSlot } from '../drill/DrillSlot';
import { PairProbe } from '../PairProbe';
import { useModel } from '../ProductModel';
import { resetTurntables } from '../turntable';
import { liveSceneStats } from './live-scene-stats';

function ordered(items: DrillItem[]): DrillItem[] {
  const rank = (i: DrillItem) => (i.role === 'reference' ? 0 : i.role === 'suspect' ? 1 : i.label === 'A' ? 0 : 1);
  return [...items].sort((a, b) => rank(a) - rank(b));
}

function useSharedUnit(items: DrillItem[]): number {
  // A question's items are fixed (the table is keyed by the round), so the hooks' order is stable.
  const sizes = items.map((i) => useModel(i.model).size);
  return DISPLAY_SIZE / Math.max(1e-3, ...sizes.map((s) => Math.max(s.x, s.y, s.z)));
}

function LiveTable({ question, reveal, canPin }: { question: DrillQuestion; reveal: RoundReveal | null; canPin: boolean }) {
  const items = useMemo(() => ordered(question.items), [question]);
  const unit = useSharedUnit(items);
  const uv = useCompare((s) => s.uvLamp);
  const spotlight = useStore(liveStore, (s) => (s.state?.phase !== 'lobby' ? (s.state?.spotlight ?? '') : ''));
  const result = useStore(liveStore, (s) => (s.myResult && s.myResult.round === s.state?.round ? s.myResult.result : null));
  const pins = useDrill((s) => s.pins);
  const findTells = question.kind === 'find-the-tells';

  useEffect(() => {
    resetTurntables();
    compareStore.setState({ ruler: [] });
    return () => {
      liveSceneStats.drawn = null;
    };
  }, []);
  useFrame(() => {
    liveSceneStats.drawn = question.id;
    liveSceneStats.spotlight = reveal && spotlight ? spotlight : null;
  });

  const suspect: ItemLabel | null = findTells
    ? (question.items.find((i) => i.role === 'suspect')?.label ?? 'B')
    : (reveal?.revealed.find((r) => r.kind === 'counterfeit')?.label ?? null);
  const genuine: ItemLabel | null = reveal && question.items.length > 1 ? (reveal.revealed.find((r) => r.kind === 'genuine')?.label ?? null) : null;

  const { fakeMarks, genuineMarks } = useMemo(() => {
    if (!reveal) return { fakeMarks: [] as TellMark[], genuineMarks: [] as TellMark[] };
    const marks = (which: 'at' | 'genuineAt') => reveal.tells.map((t, i) => ({ id: t.id, n: i + 1, at: t[which], highlighted: t.id === spotlight }));
    return { fakeMarks: marks('at'), genuineMarks: marks('genuineAt') };
  }, [reveal, spotlight]);

  const traineeMarks = useMemo<TraineeMark[]>(
    () =>
      findTells
        ? pins.map((pin, i) => {
            const match = result?.score.pinMatches.find((m) => m.pin === i);
            return { n: i + 1, pin, state: !result ? 'placed' : match?.tellId ? 'hit' : 'miss' };
          })
        : [],
    [findTells, pins, result],
  );

  const captionOf = (item: DrillItem) => {
    const kind = reveal?.revealed.find((r) => r.label === item.label)?.kind;
    if (findTells) return item.role === 'reference' ? 'Genuine reference' : kind ? 'Suspect · Counterfeit' : 'Suspect';
    return kind ? `${item.label} · ${kind === 'genuine' ? 'Genuine' : 'Counterfeit'}` : item.label;
  };

  return (
    <group name="live-items" userData={{ drillId: question.id }}>
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
          onPick={findTells && canPin && item.label === suspect ? drillActions.addPin : undefined}
        />
      ))}
      <PairProbe />
    </group>
  );
}

/** The round's items, or nothing before the first round. `canPin`: this trainee may drop pins now. */
export function LiveItems({ canPin }: { canPin: boolean }) {
  const json = useStore(liveStore, (s) => s.state?.question ?? '');
  const revealJson = useStore(liveStore, (s) => s.state?.reveal ?? '');
  const round = useStore(liveStore, (s) => s.state?.round ?? 0);
  const question = parseQuestion(json);
  const reveal = parseReveal(revealJson);
  return question ? <LiveTable key={`${round}:${question.id}`} question={question} reveal={reveal} canPin={canPin} /> : null;
}
