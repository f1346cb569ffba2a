/** Supervision grants over inspection records and the record-access log, as the server gives them. */
import type { GrantStatus } from '../../domain/supervision';
import { call } from '../api';
import { i18n } from '../../i18n/i18n';

export interface Person {
  displayName: string;
  email: string;
}

export interface Grant {
  id: string;
  status: GrantStatus;
  /** The caller's part in it. */
  as: 'examiner' | 'supervisor' | 'admin';
  examiner: Person | null;
  supervisor: Partial<Person> & { accountCreatedAt: string | null };
  proposedBy: Person | null;
  proposedAt: string;
  endsAt: string | null;
  acceptedAt: string | null;
  endedAt: string | null;
  endedBy: Person | null;
}

export type AccessAction =
  | 'grant_proposed'
  | 'grant_accepted'
  | 'grant_declined'
  | 'grant_withdrawn'
  | 'grant_revoked'
  | 'records_listed'
  | 'record_read'
  | 'record_json'
  | 'record_pdf'
  | 'photo_read';

export interface AccessEntry {
  id: number;
  at: string;
  action: AccessAction;
  actor: Person;
  examiner: Person;
  supervisor: Person | null;
  record: { id: string; reference: string; productName: string } | null;
  detail: string | null;
}

const id = encodeURIComponent;
const lang = () => (['en', 'es', 'fr'].includes(i18n.language) ? i18n.language : 'en');

export const supervisionApi = {
  grants: () => call<Grant[]>('GET', '/api/supervision'),
  propose: (examinerId: string, supervisorId: string, endsAt: string | null) => call<Grant>('POST', '/api/supervision', { examinerId, supervisorId, endsAt }),
  accept: (grantId: string) => call<Grant>('POST', `/api/supervision/${id(grantId)}/accept`, {}),
  end: (grantId: string) => call<Grant>('POST', `/api/supervision/${id(grantId)}/end`, {}),
  log: (before?: number) => call<{ entries: AccessEntry[]; more: boolean }>('GET', `/api/record-access-log?lang=${lang()}${before ? `&before=${before}` : ''}`),
};

/** "Name (email)", or the words for an account that is gone. */
export const personText = (p: Partial<Person> | null | undefined) =>
  p && p.email ? (p.displayName && p.displayName !== p.email ? `${p.displayName} (${p.email})` : p.email) : i18n.t('supervision:goneAccount');
