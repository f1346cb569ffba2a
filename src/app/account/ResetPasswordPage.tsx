/**
 * The page a one-time reset link opens (?page=reset-password#token=…): the token rides in the URL's
 * fragment, which the browser never sends to a server; a new password is chosen with it, once.
 */
import { useState } from 'react';
import { api } from '../api';
import { navigate } from '../route';
import { sessionActions } from '../session';
import { PasswordForm } from './PasswordForm';
import { useTranslation } from 'react-i18next';
import '../progress/progress.css';
import './account.css';

const tokenOf = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('token');

export function ResetPasswordPage() {
  const { t } = useTranslation('account');
  const [token] = useState(() => tokenOf(location.hash));
  const [done, setDone] = useState(false);

  return (
    <main className="page account-page">
      <h1>{t('reset.title')}</h1>
      {done ? (
        <>
          <p role="status" className="saved">{t('reset.done')}</p>
          <button type="button" className="button" onClick={() => navigate({ page: 'sign-in' })}>{t('reset.signIn')}</button>
        </>
      ) : !token ? (
        <p role="alert" className="error">{t('reset.noToken')}</p>
      ) : (
        <>
          <p className="lead">{t('reset.lead')}</p>
          <section className="panel" aria-label={t('reset.title')}>
            <PasswordForm
              idPrefix="reset-password"
              askCurrent={false}
              submitLabel={t('reset.submit')}
              onSubmit={async (next) => {
                await api.resetWithLink(token, next);
                // Every session of the account ended: this page's too, if it was that account's.
                await sessionActions.load();
                history.replaceState(null, '', `${location.pathname}${location.search}`);
                setDone(true);
              }}
            />
          </section>
        </>
      )}
    </main>
  );
}
