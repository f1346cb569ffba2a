/** Users, for admins: everyone with an account, their role (changed in place), and a form to add one. */
import { useState } from 'react';
import { ADMIN_ONLY, ROLES, type Role } from '../../domain/roles';
import { api, type UserEntry } from '../api';
import { LoadingBar } from '../LoadingBar';
import { AddUserForm } from './AddUserForm';
import { formatDate, roleLabel } from './format';
import { Gate, LoadError } from './Gate';
import { errorMessage, useLoad } from './useLoad';
import './progress.css';

export function UsersPage() {
  return (
    <Gate
      title="Users"
      roles={ADMIN_ONLY}
      signInText="Sign in as an admin to manage users."
      deniedText="Only admins manage users."
    >
      {(user) => <Users selfId={user.id} />}
    </Gate>
  );
}

function Users({ selfId }: { selfId: string }) {
  const users = useLoad(() => api.users(), selfId);
  const replace = (next: UserEntry) => users.data && users.setData(users.data.map((u) => (u.id === next.id ? next : u)));
  const added = (user: UserEntry) => users.setData([user, ...(users.data ?? [])]);

  return (
    <main className="page users-page">
      <h1>Users</h1>
      <p className="lead">Everyone who can sign in to Twinspect. A change of role takes effect at the user's next request.</p>
      <section aria-labelledby="users-title" className="panel">
        <h2 id="users-title">Accounts</h2>
        {users.error ? (
          <LoadError what="the users" message={users.error} retry={users.reload} />
        ) : !users.data ? (
          <LoadingBar label="Loading the users" />
        ) : (
          <div className="table-scroll">
            <table className="data-table users-table">
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Agency account ID</th>
                  <th scope="col">SSO</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.email}</th>
                    <td>{u.displayName}{u.id === selfId ? ' (you)' : ''}</td>
                    <td><RoleCell user={u} self={u.id === selfId} onSaved={replace} /></td>
                    <td>{u.accountName || '—'}</td>
                    <td>{u.sso ? 'Yes' : 'No'}</td>
                    <td>{formatDate(u.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AddUserForm onAdded={added} />
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
      <label htmlFor={id} className="visually-hidden">Role of {user.email}</label>
      <select
        id={id}
        value={role}
        disabled={self || saving.state === 'saving'}
        title={self ? 'You cannot change your own role' : undefined}
        aria-describedby={`${id}-status`}
        onChange={(e) => void change(e.target.value as Role)}
      >
        {ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
      </select>
      <span id={`${id}-status`} role="status" className="saved">
        {saving.state === 'saving' ? 'Saving…' : saving.state === 'saved' ? 'Saved' : ''}
      </span>
      {saving.state === 'failed' ? <span role="alert" className="error">Not saved: {saving.message}</span> : null}
    </div>
  );
}
