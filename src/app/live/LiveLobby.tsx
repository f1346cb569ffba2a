/**
 * Before a session: a trainee types the code (or opens the join link, which fills it in); an
 * instructor also starts a session (title, product, drill kind) and finds the past ones, each with
 * its record. Joining and starting both end in the room (liveActions.connect).
 */
import { useId, useState, type FormEvent } from 'react';
import { DRILL_KINDS, type DrillKind } from '../../domain/drill';
import { formatJoinCode, normaliseJoinCode } from '../../domain/live-protocol';
import type { SessionUser } from '../../domain/roles';
import { TEACHING } from '../../domain/roles';
import { liveActions } from '../../session/live';
import { api } from '../api';
import { KIND_INFO } from '../drill/kinds';
import { LoadingBar } from '../LoadingBar';
import { useRoute } from '../route';
import { hasRole } from '../session';
import { errorMessage, useLoad } from '../progress/useLoad';
import { joinErrorText, liveApi } from './live-api';
import { PastSessions } from './PastSessions';
import { currentDevice } from './device';
import { forgetJoinCode, pendingJoinCode } from './pending-code';
import { localText } from '../../i18n/text';
import { i18n } from '../../i18n/i18n';

function JoinForm() {
  const route = useRoute();
  const given = route.code ?? pendingJoinCode();
  const [typed, setTyped] = useState(given ? (normaliseJoinCode(given) ? formatJoinCode(normaliseJoinCode(given)!) : given) : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const code = normaliseJoinCode(typed);
    if (!code) return setError(i18n.t('live:badCode'));
    setBusy(true);
    setError(null);
    try {
      const joined = await liveApi.join(code);
      forgetJoinCode();
      liveActions.connect(joined.sessionId, currentDevice());
    } catch (err) {
      setError(joinErrorText(err));
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="join-title">
      <h2 id="join-title">{i18n.t('live:join')}</h2>
      <form className="form-row" onSubmit={(e) => void submit(e)} noValidate>
        <label className="form-field">
          {i18n.t('live:sessionCode')}
          <input
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="K7P-4QX-9MZ"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'join-error' : undefined}
          />
        </label>
        <button type="submit" className="button" disabled={busy}>{busy ? i18n.t('live:joining') : i18n.t('live:joinButton')}</button>
      </form>
      {error && <p id="join-error" className="error field-error" role="alert">{error}</p>}
    </section>
  );
}

function StartForm() {
  const catalogue = useLoad(() => api.catalogue(), 'catalogue');
  const ids = useId();
  const [title, setTitle] = useState('');
  const [productId, setProductId] = useState('');
  const [kind, setKind] = useState<DrillKind>('spot-the-fake');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await liveApi.create({ ...(title.trim() ? { title: title.trim() } : {}), ...(productId ? { productId } : {}), kind });
      liveActions.connect(created.id, currentDevice());
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="start-title">
      <h2 id="start-title">{i18n.t('live:start')}</h2>
      <p className="muted">{i18n.t('live:startLead')}</p>
      {catalogue.loading && !catalogue.data ? (
        <LoadingBar label={i18n.t('live:loadingCatalogue')} />
      ) : (
        <form className="user-form" onSubmit={(e) => void submit(e)}>
          <label className="form-field">
            {i18n.t('live:title')}
            <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={i18n.t('live:titlePlaceholder')} maxLength={120} />
          </label>
          <div className="form-field">
            <label htmlFor={`${ids}-product`}>{i18n.t('live:firstProduct')}</label>
            <select id={`${ids}-product`} value={productId} onChange={(e) => setProductId(e.target.value)}>
              <option value="">{i18n.t('live:anyProduct')}</option>
              {(catalogue.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>{localText(p.name)}</option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor={`${ids}-kind`}>{i18n.t('live:drill')}</label>
            <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as DrillKind)}>
              {DRILL_KINDS.map((k) => (
                <option key={k} value={k}>{KIND_INFO[k].name}</option>
              ))}
            </select>
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>{busy ? i18n.t('live:starting') : i18n.t('live:startButton')}</button>
          </div>
          {error && <p className="error form-error" role="alert">{error}</p>}
        </form>
      )}
    </section>
  );
}

export function LiveLobby({ user }: { user: SessionUser }) {
  const teaching = hasRole(user, TEACHING);
  return (
    <main className="page live-lobby">
      <h1>{i18n.t('live:heading')}</h1>
      <p className="lead">
        {teaching
          ? i18n.t('live:leadTeaching')
          : i18n.t('live:leadTrainee')}
      </p>
      <JoinForm />
      {teaching && <StartForm />}
      {teaching && <PastSessions userId={user.id} />}
    </main>
  );
}
