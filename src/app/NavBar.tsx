/** The top bar: where each kind of user goes, and who is signed in. */
import { SIGNED_IN, type Role } from '../domain/roles';
import { navigate, type Page, type Route } from './route';
import { hasRole, sessionActions, useSession } from './session';
import { OfflineStatus } from './offline/OfflineStatus';
import { INSPECT_PAGE } from './inspect/access';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, setLanguage, type Language } from '../i18n/i18n';

type NavKey = 'study' | 'drills' | 'scan' | 'progress' | 'live' | 'groups' | 'studio' | 'users' | 'inspect:navLink';

const LINKS: { page: Page; label: NavKey; roles?: readonly Role[] }[] = [
  { page: 'catalogue', label: 'study' },
  { page: 'drill', label: 'drills' },
  { page: 'scan', label: 'scan' },
  { page: 'inspect', label: 'inspect:navLink', roles: INSPECT_PAGE },
  { page: 'progress', label: 'progress', roles: SIGNED_IN },
  { page: 'live', label: 'live', roles: SIGNED_IN },
  { page: 'groups', label: 'groups', roles: ['instructor', 'admin'] },
  { page: 'studio', label: 'studio', roles: ['author', 'reviewer', 'admin'] },
  { page: 'users', label: 'users', roles: ['admin'] },
];

export function NavBar({ route }: { route: Route }) {
  const { t, i18n } = useTranslation('nav');
  const { user, loaded } = useSession();
  const current = route.page;
  return (
    <header className="topbar">
      <a className="brand" href="/" aria-label={t('home')}>
        <span className="brand-mark" aria-hidden>◐</span> Twinspect
      </a>
      <nav aria-label={t('main')} className="nav">
        {LINKS.filter((l) => !l.roles || hasRole(user, l.roles)).map((l) => (
          <a
            key={l.page}
            href={l.page === 'catalogue' ? '/' : `/?page=${l.page}`}
            aria-current={current === l.page || (l.page === 'live' && current === 'live-record') ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate({ page: l.page });
            }}
          >
            {t(l.label)}
          </a>
        ))}
      </nav>
      {/* Status, language and account keep together at the right end, on a row of their own where the window is narrow. */}
      <div className="topbar-end">
        <OfflineStatus />
        <select className="language-picker" aria-label={t('language')} value={isLanguage(i18n.language) ? i18n.language : 'en'} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {LANGUAGE_NAMES[lang]}
            </option>
          ))}
        </select>
        {loaded &&
          (user ? (
            <span className="who">
              {/* Who is signed in, leading to their account page (password change). */}
              <a
                className="mode-badge account-link"
                href="/?page=account"
                title={t('account', { email: user.email })}
                aria-current={current === 'account' ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ page: 'account' });
                }}
              >
                {user.displayName} · {t(`common:roles.${user.role}`)}
              </a>
              <button className="nav-button" onClick={() => void sessionActions.signOut().then(() => navigate({ page: 'catalogue' }))}>{t('signOut')}</button>
            </span>
          ) : (
            <span className="who">
              <span className="mode-badge">{t('guest')}</span>
              <button className="nav-button" onClick={() => navigate({ page: 'sign-in' })}>{t('signIn')}</button>
            </span>
          ))}
      </div>
    </header>
  );
}
