/** "Add user": an admin creates an account with a temporary password. The server's field errors show by their fields. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { ROLES, type Role } from '../../domain/roles';
import { api, ApiError, type UserEntry } from '../api';
import { roleLabel } from './format';
import { errorMessage, sentence } from './useLoad';
import { i18n } from '../../i18n/i18n';

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
    if (!/^[^\s@]+@[^\s@]+$/.test(form.email.trim())) found.email = i18n.t('progress:add.badEmail');
    if (!form.displayName.trim()) found.displayName = i18n.t('progress:add.noName');
    if (form.password.length < MIN_PASSWORD) found.password = i18n.t('progress:add.shortPassword', { min: MIN_PASSWORD });
    if (/[\s@]/.test(form.accountName.trim())) found.accountName = i18n.t('progress:add.badId');
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
      setStatus(i18n.t('progress:add.added', { email: user.email, role: roleLabel(user.role) }));
    } catch (err) {
      const byField: Errors = {};
      const rest: string[] = [];
      for (const issue of err instanceof ApiError ? err.issues : []) {
        const field = fieldOf(issue.path);
        if (field && !byField[field]) byField[field] = err instanceof ApiError && err.translated ? err.message : sentence(issue.message);
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
      <h2 id="add-user-title">{i18n.t('progress:add.title')}</h2>
      <form className="user-form" onSubmit={submit} noValidate>
        {field('email', i18n.t('progress:users.email'), (p) => (
          <input {...p} type="email" autoComplete="off" required maxLength={200} value={form.email} onChange={(e) => set('email', e.target.value)} />
        ))}
        {field('displayName', i18n.t('progress:users.name'), (p) => (
          <input {...p} type="text" autoComplete="off" required maxLength={100} value={form.displayName} onChange={(e) => set('displayName', e.target.value)} />
        ))}
        {field('role', i18n.t('progress:users.role'), (p) => (
          <select {...p} value={form.role} onChange={(e) => set('role', e.target.value)}>
            {ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
          </select>
        ))}
        {field('password', i18n.t('progress:add.password'), (p) => (
          <input {...p} type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} value={form.password} onChange={(e) => set('password', e.target.value)} />
        ), i18n.t('progress:add.passwordHelp', { min: MIN_PASSWORD }))}
        {field('accountName', i18n.t('progress:add.accountName'), (p) => (
          <input {...p} type="text" autoComplete="off" maxLength={200} value={form.accountName} onChange={(e) => set('accountName', e.target.value)} />
        ), i18n.t('progress:add.accountHelp'))}
        {general ? <p role="alert" className="error form-error">{i18n.t('progress:add.failed', { error: general })}</p> : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>{busy ? i18n.t('progress:add.adding') : i18n.t('progress:add.title')}</button>
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
