/**
 * What the HTTP side of shared live sessions sends: a session as listed, and its record once held
 * (who took part, every answer and score), which the instructor opens and exports.
 */
import type { DrillAnswer, DrillKind } from './drill';
import type { ParticipantRole, Phase } from './live-protocol';
import type { LocalText } from './local-text';

export interface LiveSessionSummary {
  id: string;
  code: string;
  title: string;
  instructorName: string;
  phase: Phase;
  createdAt: string;
  endedAt: string | null;
  participants: number;
  rounds: number;
}

/** POST /api/live-sessions answers this; POST /api/live-sessions/join answers a JoinedSession. */
export interface CreatedSession {
  id: string;
  code: string;
  title: string;
}
export interface JoinedSession {
  sessionId: string;
  title: string;
  role: ParticipantRole;
}

export interface LiveRecordAnswer {
  participantId: string;
  name: string;
  answer: DrillAnswer;
  correct: boolean;
  scaled: number;
  confidence: number | null;
  brier: number | null;
  tellsFound: number;
  tellsTotal: number;
  falseAlarms: number;
  answeredAt: string;
}

export interface LiveRecordRound {
  round: number;
  kind: DrillKind;
  productId: string;
  /** The catalogue's name in each of its languages (the product's id when it is no longer in the catalogue). */
  productName: LocalText;
  startedAt: string;
  revealedAt: string | null;
  answers: LiveRecordAnswer[];
}

export interface LiveRecord {
  session: LiveSessionSummary;
  participants: { id: string; name: string; email: string; role: ParticipantRole; joinedAt: string; removed: boolean }[];
  rounds: LiveRecordRound[];
}
