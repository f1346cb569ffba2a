/**
 * The room's replicated state (@colyseus/schema 3): what every client of a live session sees. The
 * server alone changes it. Its JSON is the protocol's LiveStateView.
 */
import { schema, type SchemaType } from '@colyseus/schema';

export const ParticipantState = schema(
  {
    id: 'string',
    name: 'string',
    role: 'string',
    device: { type: 'string', default: 'desktop' },
    connected: { type: 'boolean', default: false },
    answeredRound: { type: 'boolean', default: false },
    points: { type: 'number', default: 0 },
    correct: { type: 'number', default: 0 },
    answered: { type: 'number', default: 0 },
  },
  'Participant',
);
export type ParticipantState = SchemaType<typeof ParticipantState>;

export const LiveState = schema(
  {
    protocol: 'number',
    sessionId: 'string',
    code: 'string',
    title: 'string',
    phase: { type: 'string', default: 'lobby' },
    round: { type: 'number', default: 0 },
    kind: 'string',
    productId: 'string',
    productName: 'string',
    question: { type: 'string', default: '' },
    reveal: { type: 'string', default: '' },
    follow: { type: 'boolean', default: false },
    // float64: 'number' sends fractions as float32, and every client would hold a slightly different turn than the server.
    rotation: { array: 'float64' },
    spotlight: { type: 'string', default: '' },
    pointersMuted: { type: 'boolean', default: false },
    participants: { map: ParticipantState },
  },
  'LiveState',
);
export type LiveState = SchemaType<typeof LiveState>;
