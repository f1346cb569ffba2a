/**
 * A new password, typed twice (and the current one, where it is asked): checked here for length and
 * match, then by the server, whose refusals show beside the field they are about.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { MIN_PASSWORD } from '../progress/AddUserForm';
import { errorMessage, sentence } from '../progress/useLoad';
import { useTranslation } from 'react-i18next';

type Field = 'current' | 'next' | 'repeat';
type Errors = Partial<Record<Field, string>>;

/** The form field a server issue's path names. */
function fieldOf(path: string): Field | null {
  if (path === 'body.currentPassword') return 'current';
  if (path === 'body.newPassword' || path === 'body.password') return 'next';
  return null;
}

export function PasswordForm({ idPrefix, askCurrent, submitLabel, onSubmit }: {
  idPrefix: string;
  askCurrent: boolean;
  submitLabel: string;
  /** Sends the passwords; a refusal (ApiError) is shown by the form. */
  onSubmit: (next: string, current: string | undefined) => Promise<void>;
}) {
  const { t } = useTranslation('account');
  const [values, setValues] = useState<Record<Field, string>>({ current: '', next: '', repeat: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    const found: Errors = {};
    if (askCurrent && !values.current) found.current = t('noCurrent');
    if (values.next.length < MIN_PASSWORD) found.next = t('tooShort', { min: MIN_PASSWORD });
    else if (values.repeat !== values.next) found.repeat = t('mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(values.next, askCurrent ? values.current : undefined);
      setValues({ current: '', next: '', repeat: '' });
    } catch (err) {
      const byField: Errors = {};
      for (const issue of err instanceof ApiError ? err.issues : []) {
        const field = fieldOf(issue.path);
        if (field && !byField[field]) byField[field] = err instanceof ApiError && err.translated ? err.message : sentence(issue.message);
      }
      setErrors(byField);
      if (Object.keys(byField).length === 0) setGeneral(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, autoComplete: string, hint?: string) => {
    const id = `${idPrefix}-${name}`;
    const describedBy = [hint ? `${id}-hint` : null, errors[name] ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className="form-field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="password"
          autoComplete={autoComplete}
          maxLength={200}
          value={values[name]}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        />
        {hint ? <span id={`${id}-hint`} className="hint">{hint}</span> : null}
        {errors[name] ? <span id={`${id}-error`} role="alert" className="error field-error">{errors[name]}</span> : null}
      </div>
    );
  };

  return (
    <form className="password-form" onSubmit={submit} noValidate>
      {askCurrent ? field('current', t('current'), 'current-password') : null}
      {field('next', t('new'), 'new-password', t('help', { min: MIN_PASSWORD }))}
      {field('repeat', t('repeat'), 'new-password')}
      {general ? <p role="alert" className="error form-error">{t('failed', { error: general })}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>{busy ? t('saving') : submitLabel}</button>
      </div>
    </form>
  );
}
