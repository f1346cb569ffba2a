/**
 * The drill page's way to the server, working offline too: a new drill comes from the server, or
 * with no connection from the drills kept ready; a signed-in trainee's answer is sent with an
 * Idempotency-Key and the time it was given, and when it cannot be sent it waits in the queue and
 * the page says it will be scored once back online. Guests' drills go straight to the server.
 */
import i18next from 'i18next';
import type { DrillAnswer, DrillKind, DrillQuestion, DrillResult } from '../../domain/drill';
import { api, ApiError } from '../api';
import { queuedAnswerOf, type PendingAnswer } from './answer-queue';
import { takeStocked } from './drill-stock';
import { queueStorage } from './offline-db';
import { isNetworkFailure, offlineActions, offlineStore, sendAnswer } from './offline-store';

const offlineNow = () => !navigator.onLine || !offlineStore.getState().online;

async function fromStock(kind: DrillKind, productId: string | undefined): Promise<DrillQuestion> {
  const user = offlineStore.getState().user;
  const stocked = user ? await takeStocked(user.id, kind, productId) : undefined;
  void offlineActions.refresh();
  if (stocked) return stocked;
  throw new ApiError(0, 'offline_no_drills', i18next.t('offline:drill.noneLeft'));
}

export const offlineDrillClient = {
  async newDrill(kind: DrillKind, productId?: string): Promise<DrillQuestion> {
    if (offlineNow()) await offlineActions.whenUserKnown();
    if (offlineNow() && offlineStore.getState().user) return fromStock(kind, productId);
    try {
      const question = await api.newDrill(kind, productId);
      offlineActions.reachable(true);
      return question;
    } catch (e) {
      if (!isNetworkFailure(e)) throw e;
      offlineActions.reachable(false);
      await offlineActions.whenUserKnown();
      if (!offlineStore.getState().user) throw e;
      return fromStock(kind, productId);
    }
  },

  async hint(drillId: string, hintsUsed: number, sealed?: string) {
    try {
      return await api.hint(drillId, hintsUsed, sealed);
    } catch (e) {
      if (!isNetworkFailure(e)) throw e;
      offlineActions.reachable(false);
      throw new ApiError(0, 'offline', i18next.t('offline:drill.hintNeedsConnection'));
    }
  },

  async answer(drillId: string, answer: DrillAnswer, hintsUsed: number, sealed?: string): Promise<DrillResult | PendingAnswer> {
    const user = offlineStore.getState().user;
    if (!user || sealed || drillId.startsWith('guest-')) return api.answer(drillId, answer, hintsUsed, sealed);
    // The key is made now, as the answer is given: a resend of this answer is the same answer.
    const entry = queuedAnswerOf({ drillId, userId: user.id, kind: answer.kind, answer });
    if (!offlineNow()) {
      try {
        const sent = await sendAnswer(entry, false);
        offlineActions.reachable(true);
        if (sent.result) return sent.result;
        const body = sent.body as { error?: string; message?: string };
        if (sent.status !== 0 && sent.status < 500) throw new ApiError(sent.status, body.error ?? 'http_error', body.message ?? `answered ${sent.status}`);
      } catch (e) {
        if (e instanceof ApiError || !isNetworkFailure(e)) throw e;
        offlineActions.reachable(false);
      }
    }
    await queueStorage.put(entry);
    await offlineActions.refresh();
    return { queued: true, drillId, answeredAt: entry.answeredAt };
  },
};
