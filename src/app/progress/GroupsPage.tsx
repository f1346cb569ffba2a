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
import { i18n } from '../../i18n/i18n';

export function GroupsPage() {
  return (
    <Gate
      title={i18n.t('progress:groups.title')}
      roles={TEACHING}
      signInText={i18n.t('progress:groups.signIn')}
      deniedText={i18n.t('progress:groups.denied')}
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
      <h1>{i18n.t('progress:groups.title')}</h1>
      <p className="lead">{i18n.t('progress:groups.lead')}</p>
      <div className="groups-layout">
        <section aria-labelledby="groups-title" className="panel">
          <h2 id="groups-title">{i18n.t('progress:groups.yours')}</h2>
          {groups.error ? (
            <LoadError what={i18n.t('progress:groups.what')} message={groups.error} retry={groups.reload} />
          ) : !groups.data ? (
            <LoadingBar label={i18n.t('progress:groups.loading')} />
          ) : groups.data.length === 0 ? (
            <p className="muted">{i18n.t('progress:groups.none')}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr><th scope="col">{i18n.t('progress:groups.group')}</th><th scope="col">{i18n.t('progress:groups.trainees')}</th><th scope="col">{i18n.t('progress:groups.owner')}</th><th scope="col">{i18n.t('progress:groups.created')}</th></tr>
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
          <p className="muted group-placeholder">{i18n.t('progress:groups.choose')}</p>
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
    if (!trimmed) return setError(i18n.t('progress:groups.giveName'));
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
      <h3 id="new-group-title">{i18n.t('progress:groups.new')}</h3>
      <div className="form-row">
        <label className="form-field">
          {i18n.t('progress:groups.name')}
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
        <button type="submit" className="button" disabled={busy}>{busy ? i18n.t('progress:groups.creating') : i18n.t('progress:groups.create')}</button>
      </div>
      {error ? <p id="new-group-error" role="alert" className="error field-error">{error}</p> : null}
    </form>
  );
}
