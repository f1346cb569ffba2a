/** The top bar: where each kind of user goes, and who is signed in. */
import type { Role } from '../domain/roles';
import { navigate, type Page, type Route } from './route';
import { hasRole, sessionActions, useSession } from './session';

const LINKS: { page: Page; label: string; roles?: readonly Role[] }[] = [
  { page: 'catalogue', label: 'Study' },
  { page: 'drill', label: 'Drills' },
  { page: 'scan', label: 'Scan' },
  { page: 'progress', label: 'Progress', roles: ['trainee', 'instructor', 'author', 'reviewer', 'admin'] },
  { page: 'live', label: 'Live', roles: ['trainee', 'instructor', 'author', 'reviewer', 'admin'] },
  { page: 'groups', label: 'Groups', roles: ['instructor', 'admin'] },
  { page: 'studio', label: 'Studio', roles: ['author', 'reviewer', 'admin'] },
  { page: 'users', label: 'Users', roles: ['admin'] },
];

export function NavBar({ route }: { route: Route }) {
  const { user, loaded } = useSession();
  const current = route.page;
  return (
    <header className="topbar">
      <a className="brand" href="/" aria-label="Twinspect home">
        <span className="brand-mark" aria-hidden>◐</span> Twinspect
      </a>
      <nav aria-label="Main" className="nav">
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
            {l.label}
          </a>
        ))}
      </nav>
      <span className="grow" />
      {loaded &&
        (user ? (
          <span className="who">
            <span className="mode-badge" title={user.email}>{user.displayName} · {user.role}</span>
            <button className="nav-button" onClick={() => void sessionActions.signOut().then(() => navigate({ page: 'catalogue' }))}>Sign out</button>
          </span>
        ) : (
          <span className="who">
            <span className="mode-badge">Guest</span>
            <button className="nav-button" onClick={() => navigate({ page: 'sign-in' })}>Sign in</button>
          </span>
        ))}
    </header>
  );
}
