/** The client's only door to the server's JSON API. Every call sends the session cookie (same origin). */
import type { Product, TellCategory, VariantKind } from '../domain/catalogue';
import type { DrillAnswer, DrillKind, DrillQuestion, DrillResult, Hint } from '../domain/drill';
import type { GroupProgress as GroupSummary, ProgressSummary, TraineeProgress } from '../domain/progress';
import type { Role, SessionUser } from '../domain/roles';
import type { LocalText } from '../domain/local-text';
import { i18n } from '../i18n/i18n';

export interface ProductSummary {
  id: string;
  name: LocalText;
  brand: string;
  category: string;
  description: LocalText;
  variants: { id: string; kind: VariantKind; label: LocalText; tells: number }[];
  tellCategories: TellCategory[];
}

export interface Me {
  user: SessionUser | null;
  /** Whether "Sign in with your agency account" is offered. */
  oidc: boolean;
}

export interface UserEntry extends Omit<SessionUser, 'mustChangePassword'> {
  accountName: string;
  createdAt: string;
  /** Signs in through the agency's OpenID Connect provider. */
  sso: boolean;
  /** False while deactivated: no sign-in, records kept. */
  active: boolean;
  deactivatedAt: string | null;
  /** Signs in with a temporary password an admin gave, to be changed at the next sign-in. */
  mustChangePassword: boolean;
}

/** One's own account (GET /api/account). */
export interface AccountInfo extends Omit<SessionUser, 'mustChangePassword'> {
  accountName: string;
  mustChangePassword: boolean;
  /** Signs in with the agency's account: no password in Twinspect. */
  sso: boolean;
}

/** An admin's password reset: a temporary password shown once, or a one-time link (a path on this site). */
export type PasswordReset =
  | { user: UserEntry; temporaryPassword: string }
  | { user: UserEntry; link: string; expiresAt: string };

export interface GroupEntry {
  id: string;
  name: string;
  ownerId: string;
  ownerName: string;
  members: number;
  createdAt: string;
}

export interface GroupDetail extends Omit<GroupEntry, 'members'> {
  members: { id: string; email: string; displayName: string; addedAt: string }[];
}

export type TraineeRow = TraineeProgress;

export interface GroupProgress extends GroupSummary {
  group: { id: string; name: string };
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** Whether the `errors` namespace has words for this server error code. */
export function hasErrorText(code: string): boolean {
  return /^[a-z][a-z0-9_]*$/.test(code) && i18n.exists(`errors:${code}`);
}

/**
 * What a server error code says to the reader, in the interface's language: the `errors` namespace's
 * text for the code, else `fallback` (the server's own message: for a request that names the field at
 * fault, for a refused upload or pack, and for a code the client does not know).
 */
export function errorText(code: string, fallback: string): string {
  return hasErrorText(code) ? i18n.t(`errors:${code}`) : fallback;
}

/** A failed API call. `message` is in the interface's language where the code has a text (errorText); `serverMessage` is the server's. */
export class ApiError extends Error {
  readonly serverMessage: string;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(errorText(code, message));
    this.serverMessage = message;
  }

  /** Whether `message` is the interface's own text for the code (then it says more to a reader than the field issues). */
  get translated(): boolean {
    return hasErrorText(this.code);
  }
}

/** One JSON request to the app's API; a failure is an ApiError with the server's code, message and field issues. */
export async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const data = (await res.json().catch(() => ({}))) as { error?: string; message?: string; issues?: FieldIssue[] };
  if (!res.ok) {
    throw new ApiError(res.status, data.error ?? 'http_error', data.message ?? `${method} ${url} answered ${res.status}`, data.issues);
  }
  return data as T;
}

const get = <T>(url: string) => call<T>('GET', url);
const post = <T>(url: string, body: unknown = {}) => call<T>('POST', url, body);
const id = encodeURIComponent;

export const api = {
  catalogue: () => get<ProductSummary[]>('/api/catalogue'),
  product: (productId: string) => get<Product>(`/api/products/${id(productId)}`),

  /** The deployment's settings the client needs (where the Scan page loads its model from). */
  clientConfig: () => get<{ scanModelUrl: string }>('/api/client-config'),
  me: () => get<Me>('/api/auth/me'),
  signIn: (email: string, password: string) => post<{ user: SessionUser }>('/api/auth/sign-in', { email, password }),
  signOut: () => post<{ signedOut: true }>('/api/auth/sign-out'),
  /** Where the browser goes to sign in with the agency's OpenID Connect provider. */
  oidcStartUrl: '/api/auth/oidc/start',

  /** A new drill. Signed in: stored and scored into progress. Guest: sealed, nothing stored. */
  newDrill: (kind: DrillKind, productId?: string) => post<DrillQuestion>('/api/drills', { kind, ...(productId ? { productId } : {}) }),
  /** `sealed` is a guest drill's token: the server keeps nothing of a guest, so it comes back with each call. */
  hint: (drillId: string, hintsUsed: number, sealed?: string) =>
    post<{ hint: Hint; hintsUsed: number }>(`/api/drills/${id(drillId)}/hint`, { hintsUsed, sealed }),
  /** hintsUsed is only read for a guest's drill (the server counts a stored drill's hints itself). */
  answer: (drillId: string, answer: DrillAnswer, hintsUsed: number, sealed?: string) =>
    post<DrillResult>(`/api/drills/${id(drillId)}/answer`, { answer, hintsUsed, sealed }),

  progress: () => get<ProgressSummary>('/api/progress'),

  groups: () => get<GroupEntry[]>('/api/groups'),
  createGroup: (name: string) => post<GroupEntry>('/api/groups', { name }),
  group: (groupId: string) => get<GroupDetail>(`/api/groups/${id(groupId)}`),
  addMember: (groupId: string, email: string) => post<GroupDetail>(`/api/groups/${id(groupId)}/members`, { email }),
  removeMember: (groupId: string, userId: string) =>
    call<GroupDetail>('DELETE', `/api/groups/${id(groupId)}/members/${id(userId)}`),
  groupProgress: (groupId: string) => get<GroupProgress>(`/api/groups/${id(groupId)}/progress`),
  groupCsvUrl: (groupId: string) => `/api/groups/${id(groupId)}/results.csv`,
  /** Trainees an instructor may add to a group (examiners are not listed: their exact email is typed). */
  trainees: () => get<Pick<UserEntry, 'id' | 'email' | 'displayName'>[]>('/api/trainees'),

  users: () => get<UserEntry[]>('/api/users'),
  createUser: (input: { email: string; role: Role; password: string; displayName?: string; accountName?: string }) =>
    post<UserEntry>('/api/users', input),
  setRole: (userId: string, role: Role) => call<UserEntry>('PATCH', `/api/users/${id(userId)}`, { role }),
  resetPassword: (userId: string, method: 'temporary' | 'link') => post<PasswordReset>(`/api/users/${id(userId)}/password-reset`, { method }),
  deactivate: (userId: string) => post<UserEntry>(`/api/users/${id(userId)}/deactivate`),
  activate: (userId: string) => post<UserEntry>(`/api/users/${id(userId)}/activate`),

  account: () => get<AccountInfo>('/api/account'),
  /** `currentPassword` may be left out only while a temporary password must be changed. */
  changePassword: (newPassword: string, currentPassword?: string) =>
    post<{ user: SessionUser }>('/api/account/password', currentPassword === undefined ? { newPassword } : { currentPassword, newPassword }),
  /** Sets a password with the token of a one-time reset link. */
  resetWithLink: (token: string, password: string) => post<{ reset: true; email: string }>('/api/auth/password-reset', { token, password }),
};
