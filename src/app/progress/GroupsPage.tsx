/** Groups, for instructors and admins: the groups, a form for a new one, and the chosen group (?group=<id>). */
import { useState, type FormEvent, type MouseEvent } from 'react';
import { TEACHING } from '../../domain/roles';
import { api, type GroupDetail, type GroupEntry } from '../api';
import { LoadingBar } from '../LoadingBar';
import { navigate, useRoute } from '../route';
import { formatDate } from './format';
import { Gate, LoadError } from './Gate';
import { GroupView } from './GroupView';
import { errorMessage, useLoad } from './useLoad';
import './progress.css';

export function GroupsPage() {
  return (
    <Gate
      title="Groups"
      roles={TEACHING}
      signInText="Sign in as an instructor to run groups of trainees and follow their progress."
      deniedText="Only instructors and admins run groups."
    >
      {(user) => <Groups userId={user.id} />}
    </Gate>
  );
}

/** The page's own URL for a group, so links open in a new tab too; a plain click stays in the app. */
function groupHref(groupId: string): string {
  const q = new URLSearchParams(location.search);
  q.set('page', 'groups');
  q.set('group', groupId);
  return `${location.pathname}?${q.toString()}`;
}

function Groups({ userId }: { userId: string }) {
  const route = useRoute();
  const groups = useLoad(() => api.groups(), userId);

  const open = (e: MouseEvent<HTMLAnchorElement>, groupId: string) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate({ page: 'groups', group: groupId });
  };
  const created = (group: GroupEntry) => {
    groups.setData([...(groups.data ?? []), group]);
    navigate({ page: 'groups', group: group.id });
  };
  const membersChanged = (detail: GroupDetail) => {
    if (groups.data) groups.setData(groups.data.map((g) => (g.id === detail.id ? { ...g, members: detail.members.length } : g)));
  };

  return (
    <main className="page groups-page">
      <h1>Groups</h1>
      <p className="lead">Put trainees in a group to follow their drills together, see who needs help, and export the results.</p>
      <div className="groups-layout">
        <section aria-labelledby="groups-title" className="panel">
          <h2 id="groups-title">Your groups</h2>
          {groups.error ? (
            <LoadError what="the groups" message={groups.error} retry={groups.reload} />
          ) : !groups.data ? (
            <LoadingBar label="Loading the groups" />
          ) : groups.data.length === 0 ? (
            <p className="muted">No groups yet. Create the first one below.</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr><th scope="col">Group</th><th scope="col">Trainees</th><th scope="col">Owner</th><th scope="col">Created</th></tr>
              </thead>
              <tbody>
                {groups.data.map((g) => (
                  <tr key={g.id} className={g.id === route.group ? 'selected' : undefined}>
                    <th scope="row">
                      <a href={groupHref(g.id)} onClick={(e) => open(e, g.id)} aria-current={g.id === route.group ? 'page' : undefined}>{g.name}</a>
                    </th>
                    <td>{g.members}</td>
                    <td>{g.ownerName}</td>
                    <td>{formatDate(g.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <NewGroupForm onCreated={created} />
        </section>
        {route.group ? (
          <GroupView key={route.group} groupId={route.group} onMembersChanged={membersChanged} />
        ) : (
          <p className="muted group-placeholder">Choose a group to see its trainees and progress.</p>
        )}
      </div>
    </main>
  );
}

function NewGroupForm({ onCreated }: { onCreated: (group: GroupEntry) => void }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError('Give the group a name.');
    setBusy(true);
    setError(null);
    try {
      const group = await api.createGroup(trimmed);
      setName('');
      onCreated(group);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby="new-group-title" noValidate>
      <h3 id="new-group-title">New group</h3>
      <div className="form-row">
        <label className="form-field">
          Group name
          <input
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={100}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'new-group-error' : undefined}
          />
        </label>
        <button type="submit" className="button" disabled={busy}>{busy ? 'Creating…' : 'Create group'}</button>
      </div>
      {error ? <p id="new-group-error" role="alert" className="error field-error">{error}</p> : null}
    </form>
  );
}
