/** An in-memory stand-in for a Colyseus room and client: records what is sent, plays what the server would. */
import type { LiveStateView } from '../../../src/domain/live-protocol';
import type { JoinOptions, LiveTransport, RoomLike } from '../../../src/session/live-connection';

export class FakeRoom implements RoomLike {
  sent: { type: string; message: any }[] = [];
  left: boolean | null = null;
  private handlers = new Map<string, (m: any) => void>();
  private stateHandlers: ((s: { toJSON(): unknown }) => void)[] = [];
  private leaveHandlers: ((code: number) => void)[] = [];
  state: { toJSON(): unknown } | undefined;

  constructor(
    readonly reconnectionToken: string,
    view?: LiveStateView,
  ) {
    this.state = view ? { toJSON: () => view } : undefined;
  }
  onStateChange(cb: (s: { toJSON(): unknown }) => void) {
    this.stateHandlers.push(cb);
  }
  onMessage(type: string, cb: (m: never) => void) {
    this.handlers.set(type, cb as (m: any) => void);
  }
  onLeave(cb: (code: number) => void) {
    this.leaveHandlers.push(cb);
  }
  send(type: string, message: unknown) {
    this.sent.push({ type, message });
  }
  async leave(consented = true) {
    this.left = consented;
    this.close(consented ? 4000 : 1000);
    return 4000;
  }
  removeAllListeners() {
    this.handlers.clear();
    this.stateHandlers = [];
    this.leaveHandlers = [];
  }
  /** The server sends a message. */
  emit(type: string, message: unknown) {
    this.handlers.get(type)?.(message);
  }
  /** The server patches the state. */
  patch(view: LiveStateView) {
    this.state = { toJSON: () => view };
    for (const h of this.stateHandlers) h(this.state);
  }
  /** The connection closes with `code`. */
  close(code: number) {
    for (const h of [...this.leaveHandlers]) h(code);
  }
  intents() {
    return this.sent.filter((s) => s.type === 'intent').map((s) => s.message);
  }
}

type Step = FakeRoom | Error;

/** A transport that answers each join and reconnect with the next scripted room or error. */
export class FakeTransport implements LiveTransport {
  joins: JoinOptions[] = [];
  reconnects: string[] = [];
  joinScript: Step[] = [];
  reconnectScript: Step[] = [];
  rooms: FakeRoom[] = [];

  async join(options: JoinOptions) {
    this.joins.push(options);
    return this.next(this.joinScript, `join-${this.joins.length}`);
  }
  async reconnect(token: string) {
    this.reconnects.push(token);
    return this.next(this.reconnectScript, `re-${this.reconnects.length}`);
  }
  private next(script: Step[], token: string): FakeRoom {
    const step = script.shift() ?? new FakeRoom(token);
    if (step instanceof Error) throw step;
    this.rooms.push(step);
    return step;
  }
  get room(): FakeRoom {
    return this.rooms[this.rooms.length - 1]!;
  }
}

export function view(over: Partial<LiveStateView> = {}): LiveStateView {
  return {
    protocol: 1,
    sessionId: 's1',
    code: 'K7P4QX9MZ',
    title: 'Morning class',
    phase: 'lobby',
    round: 0,
    kind: 'spot-the-fake',
    productId: 'watch',
    productName: 'Watch',
    question: '',
    reveal: '',
    follow: false,
    rotation: [0, 0, 0, 1],
    spotlight: '',
    pointersMuted: false,
    participants: {},
    ...over,
  };
}
