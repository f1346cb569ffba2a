/** Who may see a progress page: a loading bar until the session is known, then sign-in or a refusal. */
import type { ReactNode } from 'react';
import type { Role, SessionUser } from '../../domain/roles';
import { LoadingBar } from '../LoadingBar';
import { navigate } from '../route';
import { hasRole, useSession } from '../session';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';

export function Gate({ title, roles, signInText, deniedText, children }: {
  /** The page's h1 while it is gated. */
  title: string;
  roles: readonly Role[];
  signInText: string;
  deniedText: string;
  children: (user: SessionUser) => ReactNode;
}) {
  const { t } = useTranslation('progress');
  const { loaded, user } = useSession();
  if (!loaded) return <main className="page"><LoadingBar label={t('checkingUser')} /></main>;
  if (!user) {
    return (
      <main className="page">
        <h1>{title}</h1>
        <p className="lead">{signInText}</p>
        <button type="button" className="button" onClick={() => navigate({ page: 'sign-in' })}>{t('signIn')}</button>
      </main>
    );
  }
  if (!hasRole(user, roles)) {
    return (
      <main className="page">
        <h1>{title}</h1>
        <p className="lead">{deniedText}</p>
        <button type="button" className="button secondary" onClick={() => navigate({ page: 'progress' })}>{t('goToYours')}</button>
      </main>
    );
  }
  return <>{children(user)}</>;
}

/** An error from a load, announced, with a way to try again. */
export function LoadError({ what, message, retry }: { what: string; message: string; retry: () => void }) {
  return (
    <div className="load-error" role="alert">
      <p className="error">{i18n.t('progress:loadError', { what, message })}</p>
      <button type="button" className="button secondary" onClick={retry}>{i18n.t('progress:tryAgain')}</button>
    </div>
  );
}
