/** Who may see a progress page: a loading bar until the session is known, then sign-in or a refusal. */
import type { ReactNode } from 'react';
import type { Role, SessionUser } from '../../domain/roles';
import { LoadingBar } from '../LoadingBar';
import { navigate } from '../route';
import { hasRole, useSession } from '../session';

export function Gate({ title, roles, signInText, deniedText, children }: {
  /** The page's h1 while it is gated. */
  title: string;
  roles: readonly Role[];
  signInText: string;
  deniedText: string;
  children: (user: SessionUser) => ReactNode;
}) {
  const { loaded, user } = useSession();
  if (!loaded) return <main className="page"><LoadingBar label="Checking who is signed in" /></main>;
  if (!user) {
    return (
      <main className="page">
        <h1>{title}</h1>
        <p className="lead">{signInText}</p>
        <button type="button" className="button" onClick={() => navigate({ page: 'sign-in' })}>Sign in</button>
      </main>
    );
  }
  if (!hasRole(user, roles)) {
    return (
      <main className="page">
        <h1>{title}</h1>
        <p className="lead">{deniedText}</p>
        <button type="button" className="button secondary" onClick={() => navigate({ page: 'progress' })}>Go to your progress</button>
      </main>
    );
  }
  return <>{children(user)}</>;
}

/** An error from a load, announced, with a way to try again. */
export function LoadError({ what, message, retry }: { what: string; message: string; retry: () => void }) {
  return (
    <div className="load-error" role="alert">
      <p className="error">Could not load {what}: {message}</p>
      <button type="button" className="button secondary" onClick={retry}>Try again</button>
    </div>
  );
}
