/**
 * The Users page's account actions: reset a password (a temporary one shown once, or a one-time link)
 * and deactivate or reactivate, each asked in a dialog that says what will happen before it does.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { api, type PasswordReset, type UserEntry } from '../api';
import { errorMessage } from './useLoad';
import { i18n } from '../../i18n/i18n';
import { intlLocale } from '../../i18n/text';

/** When a link stops working, to the minute, in the reader's language and time zone. */
const untilText = (iso: string) => new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));

export type UserAction = 'reset' | 'deactivate' | 'activate';

/** Where the account stands, in words. */
export function statusText(user: UserEntry): string {
  if (!user.active) return i18n.t('progress:users.deactivated');
  return user.mustChangePassword ? i18n.t('progress:users.mustChange') : i18n.t('progress:users.active');
}

/** The row's buttons; one's own account offers neither (the account page changes one's password). */
export function ActionsCell({ user, self, onAct }: { user: UserEntry; self: boolean; onAct: (action: UserAction) => void }) {
  if (self) return <span className="hint">{i18n.t('progress:users.ownAccount')}</span>;
  return (
    <div className="user-actions">
      <button
        type="button"
        className="button secondary small"
        disabled={user.sso}
        title={user.sso ? i18n.t('progress:manage.ssoNoPassword', { email: user.email }) : undefined}
        aria-label={i18n.t('progress:users.resetOf', { email: user.email })}
        onClick={() => onAct('reset')}
      >
        {i18n.t('progress:users.resetPassword')}
      </button>
      <button
        type="button"
        className="button secondary small"
        aria-label={i18n.t(user.active ? 'progress:users.deactivateOf' : 'progress:users.reactivateOf', { email: user.email })}
        onClick={() => onAct(user.active ? 'deactivate' : 'activate')}
      >
        {user.active ? i18n.t('progress:users.deactivate') : i18n.t('progress:users.reactivate')}
      </button>
    </div>
  );
}

/**
 * A modal dialog (Escape closes it), open while it is shown. No close() on unmount: leaving the page
 * closes it, and a close() there would fire a close event that StrictMode's second effect run hears.
 */
function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="user-dialog" aria-labelledby="user-dialog-title" onClose={onClose}>
      <h2 id="user-dialog-title">{title}</h2>
      {children}
    </dialog>
  );
}

type State = { step: 'ask' } | { step: 'busy' } | { step: 'failed'; message: string } | { step: 'reset'; result: PasswordReset };

export function UserActionDialog({ user, action, onChanged, onClose }: {
  user: UserEntry;
  action: UserAction;
  onChanged: (user: UserEntry) => void;
  onClose: () => void;
}) {
  const [state, setState] = useState<State>({ step: 'ask' });
  const email = user.email;

  const run = async (work: () => Promise<PasswordReset | UserEntry>) => {
    setState({ step: 'busy' });
    try {
      const answer = await work();
      if ('user' in answer) {
        onChanged(answer.user);
        setState({ step: 'reset', result: answer });
      } else {
        onChanged(answer);
        onClose();
      }
    } catch (e) {
      setState({ step: 'failed', message: errorMessage(e) });
    }
  };

  const busy = state.step === 'busy';
  const failure = state.step === 'failed' ? <p role="alert" className="error">{i18n.t('progress:manage.failed', { message: state.message })}</p> : null;
  const cancel = <button type="button" className="button secondary" onClick={onClose}>{i18n.t('progress:manage.cancel')}</button>;

  if (state.step === 'reset') {
    const r = state.result;
    return (
      <Modal title={i18n.t('progress:manage.resetTitle', { email })} onClose={onClose}>
        {'temporaryPassword' in r ? (
          <>
            <p>{i18n.t('progress:manage.temporaryShown', { email })}</p>
            <p><code className="secret" data-testid="temporary-password">{r.temporaryPassword}</code></p>
          </>
        ) : (
          <>
            <p>{i18n.t('progress:manage.linkShown', { email, until: untilText(r.expiresAt) })}</p>
            <input className="secret-link" readOnly aria-label={i18n.t('progress:manage.linkLabel')} value={`${location.origin}${r.link}`} onFocus={(e) => e.target.select()} data-testid="reset-link" />
          </>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>{i18n.t('progress:manage.done')}</button>
        </div>
      </Modal>
    );
  }

  if (action === 'reset') {
    return (
      <Modal title={i18n.t('progress:manage.resetTitle', { email })} onClose={onClose}>
        <p>{i18n.t('progress:manage.resetLead')}</p>
        <ul className="reset-choices">
          <li>
            <button type="button" className="button" disabled={busy} onClick={() => void run(() => api.resetPassword(user.id, 'temporary'))}>{i18n.t('progress:manage.makeTemporary')}</button>
            <span className="hint">{i18n.t('progress:manage.temporaryHelp')}</span>
          </li>
          <li>
            <button type="button" className="button" disabled={busy} onClick={() => void run(() => api.resetPassword(user.id, 'link'))}>{i18n.t('progress:manage.makeLink')}</button>
            <span className="hint">{i18n.t('progress:manage.linkHelp')}</span>
          </li>
        </ul>
        {failure}
        <div className="form-actions">{cancel}</div>
      </Modal>
    );
  }

  const deactivating = action === 'deactivate';
  return (
    <Modal title={i18n.t(deactivating ? 'progress:manage.deactivateTitle' : 'progress:manage.reactivateTitle', { email })} onClose={onClose}>
      <p>{i18n.t(deactivating ? 'progress:manage.deactivateLead' : 'progress:manage.reactivateLead')}</p>
      {failure}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(() => (deactivating ? api.deactivate(user.id) : api.activate(user.id)))}
        >
          {deactivating ? i18n.t('progress:users.deactivate') : i18n.t('progress:users.reactivate')}
        </button>
        {cancel}
      </div>
    </Modal>
  );
}
