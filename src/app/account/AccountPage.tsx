/**
 * Your account: who you are here, and changing your password (the other places you are signed in are
 * signed out). An agency (single sign-on) account has no password here: the page says where to change it.
 * ForcedPasswordPage is what a temporary password leads to: a new one before anything else.
 */
import { useState } from 'react';
import { SIGNED_IN } from '../../domain/roles';
import { api } from '../api';
import { LoadingBar } from '../LoadingBar';
import { Gate, LoadError } from '../progress/Gate';
import { roleLabel } from '../progress/format';
import { useLoad } from '../progress/useLoad';
import { navigate } from '../route';
import { sessionActions, useSession } from '../session';
import { landingPage } from '../SignInPage';
import { PasswordForm } from './PasswordForm';
import { useTranslation } from 'react-i18next';
import '../progress/progress.css';
import './account.css';

export function AccountPage() {
  const { t } = useTranslation('account');
  return (
    <Gate title={t('title')} roles={SIGNED_IN} signInText={t('signIn')} deniedText={t('signIn')}>
      {(user) => <Account userId={user.id} />}
    </Gate>
  );
}

function Account({ userId }: { userId: string }) {
  const { t } = useTranslation('account');
  const account = useLoad(() => api.account(), userId);
  const [done, setDone] = useState(false);
  const me = account.data;

  return (
    <main className="page account-page">
      <h1>{t('title')}</h1>
      {account.error ? (
        <LoadError what={t('what')} message={account.error} retry={account.reload} />
      ) : !me ? (
        <LoadingBar label={t('loading')} />
      ) : (
        <>
          <section className="panel" aria-labelledby="account-details">
            <h2 id="account-details">{t('details')}</h2>
            <dl className="account-facts">
              <dt>{t('name')}</dt>
              <dd>{me.displayName}</dd>
              <dt>{t('email')}</dt>
              <dd>{me.email}</dd>
              <dt>{t('role')}</dt>
              <dd>{roleLabel(me.role)}</dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="account-password">
            <h2 id="account-password">{t('change.title')}</h2>
            {me.sso ? (
              <p>{t('sso')}</p>
            ) : (
              <>
                <p className="lead">{t('change.lead')}</p>
                <PasswordForm
                  idPrefix="change-password"
                  askCurrent
                  submitLabel={t('change.submit')}
                  onSubmit={async (next, current) => {
                    setDone(false);
                    const { user } = await api.changePassword(next, current);
                    sessionActions.setUser(user);
                    setDone(true);
                  }}
                />
              </>
            )}
            <p role="status" className="saved">{done ? t('change.done') : ''}</p>
          </section>
        </>
      )}
    </main>
  );
}

/** After signing in with a temporary password: nothing else until a new one is chosen. */
export function ForcedPasswordPage() {
  const { t } = useTranslation('account');
  const { user } = useSession();
  return (
    <main className="page account-page">
      <h1>{t('forced.title')}</h1>
      <p className="lead">{t('forced.lead')}</p>
      <section className="panel" aria-label={t('forced.title')}>
        <PasswordForm
          idPrefix="forced-password"
          askCurrent={false}
          submitLabel={t('forced.submit')}
          onSubmit={async (next) => {
            const { user: changed } = await api.changePassword(next);
            sessionActions.setUser(changed);
            navigate({ page: landingPage(changed) }, { replace: true });
          }}
        />
      </section>
      <p>
        <button type="button" className="link" onClick={() => void sessionActions.signOut().then(() => navigate({ page: 'catalogue' }))}>
          {t('forced.signOut', { email: user?.email ?? '' })}
        </button>
      </p>
    </main>
  );
}
