/**
 * A join link opened before signing in: its code waits in this tab until the lobby shows, and
 * signing in goes back to Live instead of the role's usual page. Small, so the sign-in page can
 * read it without loading the live client.
 */
const KEY = 'twinspect.join-code';

export const pendingJoinCode = (): string | null => sessionStorage.getItem(KEY);
export const keepJoinCode = (code: string): void => sessionStorage.setItem(KEY, code);
export const forgetJoinCode = (): void => sessionStorage.removeItem(KEY);
