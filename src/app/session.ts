/** Who is signed in, for every page: loaded once at start, changed by sign-in and sign-out. */
import { useSyncExternalStore } from 'react';
import type { Role, SessionUser } from '../domain/roles';
import { api, type Me } from './api';

interface SessionState {
  loaded: boolean;
  user: SessionUser | null;
  oidc: boolean;
}

let state: SessionState = { loaded: false, user: null, oidc: false };
const listeners = new Set<() => void>();
const set = (next: Partial<SessionState>) => {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
};

export const sessionActions = {
  async load(): Promise<void> {
    try {
      const me: Me = await api.me();
      set({ loaded: true, user: me.user, oidc: me.oidc });
    } catch {
      set({ loaded: true, user: null });
    }
  },
  async signIn(email: string, password: string): Promise<SessionUser> {
    const { user } = await api.signIn(email, password);
    set({ user });
    return user;
  },
  /** The signed-in user as the server now says (after a password change lifts mustChangePassword). */
  setUser(user: SessionUser | null): void {
    set({ user });
  },
  async signOut(): Promise<void> {
    await api.signOut();
    set({ user: null });
  },
};

export function useSession(): SessionState {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => state,
  );
}

export const hasRole = (user: SessionUser | null, roles: readonly Role[]) => !!user && roles.includes(user.role);
