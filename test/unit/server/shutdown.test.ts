/** The shutdown sequence: stop accepting at once, drain, close, exit 0; a second signal, a failure or the timeout exits 1. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { handleShutdownSignals } from '../../../src/server/ops/shutdown';

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() } as unknown as FastifyBaseLogger;
const SIGNAL = 'SIGUSR2' as NodeJS.Signals;

function setup(close: () => Promise<void>, timeoutMs = 1000, drainMs = 0) {
  const steps: string[] = [];
  const exits: number[] = [];
  const app = { stopAccepting: () => steps.push('stop accepting'), close: () => (steps.push('close'), close()) };
  handleShutdownSignals({ app, log, timeoutMs, drainMs, exit: (code) => exits.push(code), signals: [SIGNAL] });
  return { steps, exits };
}

afterEach(() => {
  process.removeAllListeners(SIGNAL);
  vi.useRealTimers();
});

describe('graceful shutdown', () => {
  it('stops accepting at once, closes after the drain time, and exits 0', async () => {
    vi.useFakeTimers();
    const { steps, exits } = setup(async () => {}, 5000, 300);
    process.emit(SIGNAL, SIGNAL);
    expect(steps).toEqual(['stop accepting']);
    await vi.advanceTimersByTimeAsync(299);
    expect(steps).toEqual(['stop accepting']);
    await vi.advanceTimersByTimeAsync(1);
    expect(steps).toEqual(['stop accepting', 'close']);
    await vi.runAllTimersAsync();
    expect(exits).toEqual([0]);
  });

  it('exits 1 at once on a second signal', () => {
    const { exits } = setup(() => new Promise(() => {}));
    process.emit(SIGNAL, SIGNAL);
    process.emit(SIGNAL, SIGNAL);
    expect(exits).toEqual([1]);
  });

  it('exits 1 when closing fails or takes longer than the timeout', async () => {
    vi.useFakeTimers();
    const failing = setup(() => Promise.reject(new Error('stuck lock')));
    process.emit(SIGNAL, SIGNAL);
    await vi.advanceTimersByTimeAsync(1);
    expect(failing.exits).toEqual([1]);
    process.removeAllListeners(SIGNAL);

    const hanging = setup(() => new Promise(() => {}), 1000);
    process.emit(SIGNAL, SIGNAL);
    await vi.advanceTimersByTimeAsync(999);
    expect(hanging.exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(hanging.exits).toEqual([1]);
  });
});
