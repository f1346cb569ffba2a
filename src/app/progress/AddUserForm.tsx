/** "Add user": an admin creates an account with a temporary password. The server's field errors show by their fields. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { ROLES, type Role } from '../../domain/roles';
import { api, ApiError, type UserEntry } from '../api';
import { roleLabel } from './format';
import { errorMessage, sentence } from './useLoad';

export const MIN_PASSWORD = 10;

type Field = 'email' | 'displayName' | 'role' | 'password' | 'accountName';
type Errors = Partial<Record<Field, string>>;
const FIELDS: readonly Field[] = ['email', 'displayName', 'role', 'password', 'accountName'];

/**
 * The form field an issue's path names: "body.email" → "email". Null for an issue about no one
 * field (shown above the button instead).
 */
export function fieldOf(path: string): Field | null {
  const name = path.replace(/^body\./, '').split('.')[0] ?? '';
  return (FIELDS as readonly string[]).includes(name) ? (name as Field) : null;
}

const blank = { email: '', displayName: '', role: 'trainee' as Role, password: '', accountName: '' };

export function AddUserForm({ onAdded }: { onAdded: (user: UserEntry) => void }) {
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: Field, value: string) => setForm((f) => ({ ...f, [field]: value }));

  const check = (): Errors => {
    const found: Errors = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(form.email.trim())) found.email = 'Enter an email address, like name@agency.gov.';
    if (!form.displayName.trim()) found.displayName = 'Enter the name the user goes by.';
    if (form.password.length < MIN_PASSWORD) found.password = `Use at least ${MIN_PASSWORD} characters.`;
    if (/[\s@]/.test(form.accountName.trim())) found.accountName = 'Use an ID without spaces, not an email address.';
    return found;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setGeneral(null);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const accountName = form.accountName.trim();
      const user = await api.createUser({
        email: form.email.trim(),
        displayName: form.displayName.trim(),
        role: form.role,
        password: form.password,
        ...(accountName ? { accountName } : {}),
      });
      onAdded(user);
      setForm(blank);
      setStatus(`Added ${user.email} as ${roleLabel(user.role)}. Give them the temporary password.`);
    } catch (err) {
      const byField: Errors = {};
      const rest: string[] = [];
      for (const issue of err instanceof ApiError ? err.issues : []) {
        const field = fieldOf(issue.path);
        if (field && !byField[field]) byField[field] = sentence(issue.message);
        else if (!field) rest.push(issue.message);
      }
      setErrors(byField);
      if (Object.keys(byField).length === 0 || rest.length > 0) setGeneral(rest.length > 0 ? rest.join(' ') : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, control: (props: ControlProps) => ReactNode, hint?: string) => {
    const id = `new-user-${name}`;
    const describedBy = [hint ? `${id}-hint` : null, errors[name] ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className="form-field">
        <label htmlFor={id}>{label}</label>
        {control({ id, 'aria-invalid': errors[name] ? true : undefined, 'aria-describedby': describedBy })}
        {hint ? <span id={`${id}-hint`} className="hint">{hint}</span> : null}
        {errors[name] ? <span id={`${id}-error`} role="alert" className="error field-error">{errors[name]}</span> : null}
      </div>
    );
  };

  return (
    <section aria-labelledby="add-user-title" className="panel">
      <h2 id="add-user-title">Add user</h2>
      <form className="user-form" onSubmit={submit} noValidate>
        {field('email', 'Email', (p) => (
          <input {...p} type="email" autoComplete="off" required maxLength={200} value={form.email} onChange={(e) => set('email', e.target.value)} />
        ))}
        {field('displayName', 'Name', (p) => (
          <input {...p} type="text" autoComplete="off" required maxLength={100} value={form.displayName} onChange={(e) => set('displayName', e.target.value)} />
        ))}
        {field('role', 'Role', (p) => (
          <select {...p} value={form.role} onChange={(e) => set('role', e.target.value)}>
            {ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
          </select>
        ))}
        {field('password', 'Temporary password', (p) => (
          <input {...p} type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} value={form.password} onChange={(e) => set('password', e.target.value)} />
        ), `At least ${MIN_PASSWORD} characters.`)}
        {field('accountName', 'Agency account ID (optional)', (p) => (
          <input {...p} type="text" autoComplete="off" maxLength={200} value={form.accountName} onChange={(e) => set('accountName', e.target.value)} />
        ), 'The ID your agency knows them by. It names them in exported learning records instead of their email; left blank, one is made up.')}
        {general ? <p role="alert" className="error form-error">Could not add the user: {general}</p> : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>{busy ? 'Adding…' : 'Add user'}</button>
        </div>
        <p role="status" className="saved">{status}</p>
      </form>
    </section>
  );
}

interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}
