/** Sign in with a local account, or with the agency's account (OpenID Connect) when the server offers it. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from './api';
import { pendingJoinCode } from './live/pending-code';
import { navigate } from './route';
import { sessionActions, useSession } from './session';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../domain/roles';

/** Where a user goes once signed in: the live session they were joining, else their role's main page. */
export function landingPage(user: SessionUser) {
  return pendingJoinCode() ? 'live' : user.role === 'admin' ? 'users' : user.role === 'instructor' ? 'groups' : 'drill';
}

export function SignInPage() {
  const { t } = useTranslation('signin');
  const { oidc } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await sessionActions.signIn(email, password);
      // A temporary password: the app asks for a new one first, wherever this goes.
      navigate({ page: landingPage(user) });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('unreachable'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page sign-in">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <form onSubmit={submit} className="sign-in-form">
        <label className="sign-in-field">
          {t('email')}
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="sign-in-field">
          {t('password')}
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? t('signingIn') : t('submit')}</button>
      </form>
      {oidc && (
        <p>
          <a className="button-link" href={`${api.oidcStartUrl}?returnTo=${encodeURIComponent(pendingJoinCode() ? '/?page=live' : '/?page=drill')}`}>{t('agency')}</a>
        </p>
      )}
      <p>
        <button className="link" onClick={() => navigate({ page: 'drill' })}>{t('guest')}</button>
      </p>
    </main>
  );
}
