/** A group's trainees, each with a Remove button, and a form to add a trainee by email. */
import { useEffect, useState, type FormEvent } from 'react';
import { api, type GroupDetail, type UserEntry } from '../api';
import { formatDate } from './format';
import { errorMessage } from './useLoad';
import { i18n } from '../../i18n/i18n';

export function MemberList({ group, onChanged }: { group: GroupDetail; onChanged: (next: GroupDetail) => void }) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const remove = async (member: GroupDetail['members'][number]) => {
    setBusyId(member.id);
    setError(null);
    setStatus(null);
    try {
      onChanged(await api.removeMember(group.id, member.id));
      setStatus(i18n.t('progress:members.removed', { name: member.displayName || member.email, group: group.name }));
    } catch (e) {
      setError(i18n.t('progress:members.removeFailed', { name: member.displayName || member.email, error: errorMessage(e) }));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section aria-labelledby="members-title" className="members">
      <h3 id="members-title">{i18n.t('progress:members.title', { count: group.members.length })}</h3>
      {group.members.length === 0 ? (
        <p className="muted">{i18n.t('progress:members.none')}</p>
      ) : (
        <ul className="member-list">
          {group.members.map((m) => (
            <li key={m.id} className="member">
              <span className="member-name">{m.displayName || m.email}</span>
              <span className="member-email">{m.email}</span>
              <span className="member-added">{i18n.t('progress:members.addedOn', { date: formatDate(m.addedAt) })}</span>
              <button
                type="button"
                className="button secondary small"
                disabled={busyId !== null}
                aria-label={i18n.t('progress:members.removeLabel', { name: m.displayName || m.email, group: group.name })}
                onClick={() => void remove(m)}
              >
                {busyId === m.id ? i18n.t('progress:members.removing') : i18n.t('progress:members.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error ? <p role="alert" className="error">{error}</p> : null}
      <p role="status" className="saved">{status}</p>
      <AddTrainee group={group} onAdded={(next, email) => { setError(null); setStatus(i18n.t('progress:members.added', { email, group: group.name })); onChanged(next); }} />
    </section>
  );
}

function AddTrainee({ group, onAdded }: { group: GroupDetail; onAdded: (next: GroupDetail, email: string) => void }) {
  const [trainees, setTrainees] = useState<Pick<UserEntry, 'id' | 'email' | 'displayName'>[]>([]);
  const [traineesError, setTraineesError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.trainees().then(
      (list) => live && setTrainees(list),
      (e: unknown) => live && setTraineesError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const inGroup = new Set(group.members.map((m) => m.email.toLowerCase()));
  const choices = trainees.filter((t) => !inGroup.has(t.email.toLowerCase()));
  const listId = `trainees-${group.id}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const wanted = email.trim();
    if (!wanted) return setError(i18n.t('progress:members.typeEmail'));
    if (inGroup.has(wanted.toLowerCase())) return setError(i18n.t('progress:members.already', { email: wanted, group: group.name }));
    setBusy(true);
    setError(null);
    try {
      const next = await api.addMember(group.id, wanted);
      setEmail('');
      onAdded(next, wanted);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby="add-trainee-title" noValidate>
      <h4 id="add-trainee-title">{i18n.t('progress:members.add')}</h4>
      <div className="form-row">
        <label className="form-field">
          {i18n.t('progress:members.email')}
          <input
            type="email"
            list={listId}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'add-trainee-error' : undefined}
          />
        </label>
        <datalist id={listId}>
          {choices.map((t) => (
            <option key={t.id} value={t.email}>{t.displayName}</option>
          ))}
        </datalist>
        <button type="submit" className="button" disabled={busy}>{busy ? i18n.t('progress:members.adding') : i18n.t('progress:members.addButton')}</button>
      </div>
      {error ? <p id="add-trainee-error" role="alert" className="error field-error">{error}</p> : null}
      {traineesError ? <p className="muted">{i18n.t('progress:members.listFailed', { error: traineesError })}</p> : null}
    </form>
  );
}
