/**
 * Users, for admins: everyone with an account, their role (changed in place), whether they can sign in,
 * password resets and deactivation (each asked first in a dialog), a form to add one, and supervision
 * of inspection records.
 */
import { useState } from 'react';
import { ADMIN_ONLY, ROLES, type Role, type SessionUser } from '../../domain/roles';
import { api, type UserEntry } from '../api';
import { LoadingBar } from '../LoadingBar';
import { AddUserForm } from './AddUserForm';
import { SupervisionAdmin } from './SupervisionAdmin';
import { ActionsCell, statusText, UserActionDialog, type UserAction } from './UserActions';
import { formatDate, roleLabel } from './format';
import { Gate, LoadError } from './Gate';
import { errorMessage, useLoad } from './useLoad';
import './progress.css';
import { i18n } from '../../i18n/i18n';

export function UsersPage() {
  return (
    <Gate
      title={i18n.t('progress:users.title')}
      roles={ADMIN_ONLY}
      signInText={i18n.t('progress:users.signIn')}
      deniedText={i18n.t('progress:users.denied')}
    >
      {(user) => <Users selfId={user.id} self={user} />}
    </Gate>
  );
}

function Users({ selfId, self }: { selfId: string; self: SessionUser }) {
  const users = useLoad(() => api.users(), selfId);
  const replace = (next: UserEntry) => users.data && users.setData(users.data.map((u) => (u.id === next.id ? next : u)));
  const added = (user: UserEntry) => users.setData([user, ...(users.data ?? [])]);
  const [acting, setActing] = useState<{ user: UserEntry; action: UserAction } | null>(null);

  return (
    <main className="page users-page">
      <h1>{i18n.t('progress:users.title')}</h1>
      <p className="lead">{i18n.t('progress:users.lead')}</p>
      <section aria-labelledby="users-title" className="panel">
        <h2 id="users-title">{i18n.t('progress:users.accounts')}</h2>
        {users.error ? (
          <LoadError what={i18n.t('progress:users.what')} message={users.error} retry={users.reload} />
        ) : !users.data ? (
          <LoadingBar label={i18n.t('progress:users.loading')} />
        ) : (
          <div className="table-scroll">
            <table className="data-table users-table">
              <thead>
                <tr>
                  <th scope="col">{i18n.t('progress:users.email')}</th>
                  <th scope="col">{i18n.t('progress:users.name')}</th>
                  <th scope="col">{i18n.t('progress:users.role')}</th>
                  <th scope="col">{i18n.t('progress:users.accountId')}</th>
                  <th scope="col">{i18n.t('progress:users.sso')}</th>
                  <th scope="col">{i18n.t('progress:users.created')}</th>
                  <th scope="col">{i18n.t('progress:users.status')}</th>
                  <th scope="col">{i18n.t('progress:users.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.email}</th>
                    <td>{u.displayName}{u.id === selfId ? i18n.t('progress:users.you') : ''}</td>
                    <td><RoleCell user={u} self={u.id === selfId} onSaved={replace} /></td>
                    <td>{u.accountName || '—'}</td>
                    <td>{u.sso ? i18n.t('progress:users.yes') : i18n.t('progress:users.no')}</td>
                    <td>{formatDate(u.createdAt)}</td>
                    <td className={u.active ? undefined : 'inactive'}>{statusText(u)}</td>
                    <td><ActionsCell user={u} self={u.id === selfId} onAct={(action) => setActing({ user: u, action })} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {acting ? (
        <UserActionDialog user={acting.user} action={acting.action} onChanged={replace} onClose={() => setActing(null)} />
      ) : null}
      <AddUserForm onAdded={added} />
      {users.data && <SupervisionAdmin users={users.data} self={self} />}
    </main>
  );
}

type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string };

/** A user's role as a <select> that saves on change, with its saved or failed status beside it. */
function RoleCell({ user, self, onSaved }: { user: UserEntry; self: boolean; onSaved: (next: UserEntry) => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  const id = `role-${user.id}`;

  const change = async (next: Role) => {
    const before = role;
    setRole(next);
    setSaving({ state: 'saving' });
    try {
      const saved = await api.setRole(user.id, next);
      setRole(saved.role);
      onSaved(saved);
      setSaving({ state: 'saved' });
    } catch (e) {
      setRole(before);
      setSaving({ state: 'failed', message: errorMessage(e) });
    }
  };

  return (
    <div className="role-cell">
      <label htmlFor={id} className="visually-hidden">{i18n.t('progress:users.roleOf', { email: user.email })}</label>
      <select
        id={id}
        value={role}
        disabled={self || saving.state === 'saving'}
        title={self ? i18n.t('progress:users.notOwn') : undefined}
        aria-describedby={`${id}-status`}
        onChange={(e) => void change(e.target.value as Role)}
      >
        {ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
      </select>
      <span id={`${id}-status`} role="status" className="saved">
        {saving.state === 'saving' ? i18n.t('progress:users.saving') : saving.state === 'saved' ? i18n.t('progress:users.saved') : ''}
      </span>
      {saving.state === 'failed' ? <span role="alert" className="error">{i18n.t('progress:users.notSaved', { message: saving.message })}</span> : null}
    </div>
  );
}
