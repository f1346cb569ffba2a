/**
 * One live session's rules, apart from the transport: it loads the session from the database into
 * the replicated state, applies each intent (after the role check in the room), writes what must
 * survive a restart before the state changes, and marks answers with the drill scoring.
 */
import type { Product } from '../../domain/catalogue';
import { counterfeitsOf } from '../../domain/catalogue';
import { textIn } from '../../domain/local-text';
import type { DrillAnswer, DrillResult } from '../../domain/drill';
import { IntentRefused, LIVE_PROTOCOL_VERSION, PHASE_MOVES, type Intent, type Phase, type RoundReveal } from '../../domain/live-protocol';
import type { SessionUser } from '../../domain/roles';
import { scoreAnswer } from '../../domain/scoring';
import type { CatalogueStore } from '../db/catalogue-store';
import { DrillError, type DrillService } from '../drills/drill-service';
import type { LiveDb, LiveRoundRow, LiveSessionPatch, LiveSessionRow } from './live-db';
import { ParticipantState, type LiveState } from './live-state';

export interface LiveSessionDeps {
  liveDb: LiveDb;
  drills: DrillService;
  store: CatalogueStore;
  now?: () => Date;
}

/** What the room must do after an intent beyond changing the state. */
export interface IntentEffects {
  /** Trainees whose private results are due (at the reveal). */
  results?: boolean;
  /** A participant removed: their connection is closed. */
  removed?: string;
}

const REVEALED: readonly Phase[] = ['reveal', 'leaderboard', 'ended'];

export class LiveSession {
  private round: LiveRoundRow | undefined;
  private readonly now: () => Date;

  private constructor(
    private readonly deps: LiveSessionDeps,
    private row: LiveSessionRow,
    readonly state: LiveState,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  get id(): string {
    return this.row.id;
  }
  get instructorId(): string {
    return this.row.instructorId;
  }

  /** Builds the state from the database: a fresh room, or one rebuilt after a restart. */
  static async load(deps: LiveSessionDeps, row: LiveSessionRow, state: LiveState): Promise<LiveSession> {
    const s = new LiveSession(deps, row, state);
    Object.assign(state, {
      protocol: LIVE_PROTOCOL_VERSION,
      sessionId: row.id,
      code: row.code,
      title: row.title,
      phase: row.phase,
      round: row.round,
      kind: row.kind,
      productId: row.productId,
      productName: textIn((await s.product(row.productId))?.name, 'en') || row.productId,
      follow: row.follow,
      spotlight: row.spotlight,
      pointersMuted: row.pointersMuted,
    });
    state.rotation.push(...row.rotation);
    for (const p of await deps.liveDb.participants(row)) {
      if (!p.removed) state.participants.set(p.id, new ParticipantState({ id: p.id, name: p.name, role: p.role }));
    }
    if (row.round > 0) {
      s.round = await deps.liveDb.round(row.id, row.round);
      state.question = JSON.stringify(s.round!.question);
      if (REVEALED.includes(row.phase)) state.reveal = s.revealJson();
      for (const a of await deps.liveDb.answers(row.id, row.round)) s.participant(a.attempt.userId)?.assign({ answeredRound: true });
    }
    await s.refreshStandings();
    return s;
  }

  participant(id: string): ParticipantState | undefined {
    return this.state.participants.get(id);
  }

  /** Adds (or finds) the joining account in the roster and marks it connected. */
  arrive(user: SessionUser, role: 'instructor' | 'trainee'): ParticipantState {
    let p = this.participant(user.id);
    if (!p) {
      p = new ParticipantState({ id: user.id, name: user.displayName, role });
      this.state.participants.set(user.id, p);
    }
    p.connected = true;
    return p;
  }

  async apply(user: SessionUser, intent: Intent): Promise<IntentEffects> {
    const state = this.state;
    switch (intent.type) {
      case 'phase':
        return this.move(intent.to);
      case 'product': {
        if (state.phase === 'answer') throw new IntentRefused('wrong_phase', 'the product cannot change while trainees are answering');
        const product = await this.product(intent.productId);
        if (!product || counterfeitsOf(product).length === 0) throw new IntentRefused('not_found', `no published product "${intent.productId}" with a counterfeit`);
        await this.save({ productId: product.id, kind: intent.kind ?? this.row.kind });
        Object.assign(state, { productId: product.id, productName: textIn(product.name, 'en'), kind: this.row.kind });
        // During inspection the class sees the new product at once, as a new round.
        if (state.phase === 'inspect') await this.startRound();
        return {};
      }
      case 'follow':
        await this.save({ follow: intent.on });
        state.follow = intent.on;
        return {};
      case 'turn': {
        if (!state.follow) throw new IntentRefused('wrong_phase', 'turn "Follow me" on to turn the models for everyone');
        const [x, y, z, w] = intent.rotation;
        const length = Math.hypot(x, y, z, w);
        if (length < 1e-6) throw new IntentRefused('invalid_message', 'rotation: a quaternion of length 0');
        // Kept in memory at up to 20 Hz; written with the session's next change and when the room closes.
        this.row.rotation = intent.rotation.map((v) => v / length);
        this.row.rotation.forEach((v, i) => (state.rotation[i] = v));
        return {};
      }
      case 'spotlight': {
        if (!REVEALED.includes(state.phase as Phase)) throw new IntentRefused('wrong_phase', 'a tell can be spotlighted only after the reveal');
        if (intent.tellId && !this.round!.answerKey.tells.some((t) => t.id === intent.tellId)) {
          throw new IntentRefused('not_found', `no tell "${intent.tellId}" in this round`);
        }
        await this.save({ spotlight: intent.tellId ?? '' });
        state.spotlight = intent.tellId ?? '';
        return {};
      }
      case 'mute-pointers':
        await this.save({ pointersMuted: intent.on });
        state.pointersMuted = intent.on;
        return {};
      case 'remove': {
        const p = this.participant(intent.participantId);
        if (!p || p.role !== 'trainee') throw new IntentRefused('not_found', `no trainee "${intent.participantId}" in this session`);
        await this.deps.liveDb.remove(this.row.id, p.id, this.now());
        state.participants.delete(p.id);
        return { removed: p.id };
      }
      case 'answer':
        await this.answer(user, intent.round, intent.answer);
        return {};
      case 'device':
        this.participant(user.id)?.assign({ device: intent.device });
        return {};
    }
  }

  /** Each trainee's own marked answer of the current round, once it is revealed (empty before). */
  async results(): Promise<Map<string, DrillResult>> {
    const results = new Map<string, DrillResult>();
    const round = this.round;
    if (!round || !REVEALED.includes(this.state.phase as Phase)) return results;
    const key = round.answerKey;
    for (const { answer, attempt } of await this.deps.liveDb.answers(this.row.id, round.round)) {
      const score = scoreAnswer({ kind: round.kind, key, answer, tells: key.tells, hintsUsed: 0, durationMs: attempt.durationMs });
      results.set(attempt.userId, { drillId: attempt.id, kind: round.kind, score, revealed: key.revealed, tells: key.tells, saved: true });
    }
    return results;
  }

  /** The participant's answer in the current round, for a client that (re)joins. */
  async answerOf(userId: string): Promise<{ round: number; answer: DrillAnswer } | null> {
    if (!this.round) return null;
    const a = (await this.deps.liveDb.answers(this.row.id, this.round.round)).find((r) => r.attempt.userId === userId);
    return a ? { round: a.round, answer: a.answer } : null;
  }

  /** Writes what changed of the session row (with the latest rotation) before the state shows it. */
  async save(patch: LiveSessionPatch = {}): Promise<void> {
    await this.deps.liveDb.update(this.row.id, { ...patch, rotation: this.row.rotation });
    this.row = { ...this.row, ...patch };
  }

  private async move(to: Phase): Promise<IntentEffects> {
    const from = this.state.phase as Phase;
    if (!PHASE_MOVES[from].includes(to)) throw new IntentRefused('wrong_phase', `the session cannot go from "${from}" to "${to}"`);
    if (to === 'inspect') {
      await this.startRound();
      return {};
    }
    const at = this.now();
    if (to === 'reveal') await this.deps.liveDb.markRevealed(this.row.id, this.row.round, at);
    await this.save({ phase: to, ...(to === 'ended' ? { endedAt: at, spotlight: '' } : {}) });
    this.state.phase = to;
    if (to === 'reveal') {
      this.state.reveal = this.revealJson();
      await this.refreshStandings();
      return { results: true };
    }
    if (to === 'ended') this.state.spotlight = '';
    return {};
  }

  private async startRound(): Promise<void> {
    const { question, key, seed } = await this.deps.drills.compose(this.row.kind, this.row.productId, false).catch((err: unknown) => {
      throw err instanceof DrillError ? new IntentRefused('not_found', err.message) : err;
    });
    const round = this.row.round + 1;
    const startedAt = this.now();
    await this.deps.liveDb.startRound({ sessionId: this.row.id, round, kind: this.row.kind, productId: key.productId, seed, question, key, startedAt });
    await this.save({ phase: 'inspect', round, spotlight: '' });
    // Read back, so that the question's JSON is the same as after a restart (jsonb orders keys).
    this.round = await this.deps.liveDb.round(this.row.id, round);
    Object.assign(this.state, { phase: 'inspect', round, question: JSON.stringify(this.round!.question), reveal: '', spotlight: '' });
    this.state.participants.forEach((p) => (p.answeredRound = false));
  }

  private async answer(user: SessionUser, round: number, answer: DrillAnswer): Promise<void> {
    if (this.state.phase !== 'answer') throw new IntentRefused('wrong_phase', 'answers are taken only in the answer phase');
    if (round !== this.row.round || !this.round) throw new IntentRefused('stale_round', `round ${round} is over; this is round ${this.row.round}`);
    const r = this.round;
    try {
      await this.deps.drills.answerRound(
        user,
        { sessionId: this.row.id, round: r.round, kind: r.kind, seed: r.seed, question: r.question, key: r.answerKey, startedAt: r.startedAt },
        answer,
      );
    } catch (err) {
      if (err instanceof DrillError) {
        const code = err.code === 'already_answered' || err.code === 'wrong_phase' ? err.code : 'invalid_message';
        throw new IntentRefused(code, err.message);
      }
      throw err;
    }
    this.participant(user.id)?.assign({ answeredRound: true });
  }

  private revealJson(): string {
    const key = this.round!.answerKey;
    const reveal: RoundReveal = { revealed: key.revealed, tells: key.tells };
    return JSON.stringify(reveal);
  }

  private async refreshStandings(): Promise<void> {
    const standings = await this.deps.liveDb.standings(this.row.id);
    this.state.participants.forEach((p) => {
      const s = standings.find((r) => r.userId === p.id);
      p.assign({ points: s?.points ?? 0, correct: s?.correct ?? 0, answered: s?.answered ?? 0 });
    });
  }

  private async product(id: string): Promise<Product | undefined> {
    return (await this.deps.store.get(id))?.product;
  }
}
