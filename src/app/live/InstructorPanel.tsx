/**
 * The instructor's side of a session: the join code, big, and its link; the phase buttons (only the
 * moves PHASE_MOVES allows are enabled); the round's product and drill; "Follow me" and "Mute
 * pointers"; after the reveal a tell to spotlight for everyone; who answered; the roster; the
 * leaderboard. Each button sends an intent; the page changes only when the room's state does.
 */
import { useId, useState } from 'react';
import { DRILL_KINDS, type DrillKind } from '../../domain/drill';
import { formatJoinCode, PHASE_MOVES, type LiveStateView, type Phase } from '../../domain/live-protocol';
import { liveActions } from '../../session/live';
import { parseReveal } from '../../session/live-view';
import { api } from '../api';
import { KIND_INFO } from '../drill/kinds';
import { useLoad } from '../progress/useLoad';
import { joinLink } from './live-api';
import { Leaderboard } from './Leaderboard';
import { PHASE_BUTTONS, PHASE_NAME } from './phase-words';
import { Roster } from './Roster';
import { localText } from '../../i18n/text';
import { i18n } from '../../i18n/i18n';

const send = (body: Parameters<typeof liveActions.intent>[0]) => void liveActions.intent(body).catch(() => {});

function JoinCode({ code }: { code: string }) {
  const [copied, setCopied] = useState(false);
  const link = joinLink(code);
  const copy = () =>
    void navigator.clipboard?.writeText(link).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="live-code-box">
      <p className="live-code-label">{i18n.t('live:joinCode')}</p>
      <p className="live-code" data-testid="join-code" aria-label={i18n.t('live:joinCodeSpelt', { code: code.split('').join(' ') })}>{formatJoinCode(code)}</p>
      <p className="live-link">
        <a href={link}>{link.replace(/^https?:\/\//, '')}</a>{' '}
        <button type="button" className="button small secondary" onClick={copy}>{copied ? i18n.t('live:copied') : i18n.t('live:copyLink')}</button>
      </p>
    </div>
  );
}

function PhaseButtons({ phase }: { phase: Phase }) {
  const allowed = PHASE_MOVES[phase];
  return (
    <div className="live-phases" role="group" aria-label={i18n.t('live:phaseGroup')}>
      {PHASE_BUTTONS.map((b) => (
        <button
          key={b.to}
          type="button"
          className={`button small${b.to === 'ended' ? ' secondary' : ''}`}
          aria-pressed={phase === b.to}
          disabled={!allowed.includes(b.to)}
          onClick={() => send({ type: 'phase', to: b.to })}
        >
          {b.to === 'inspect' && (phase === 'reveal' || phase === 'leaderboard') ? i18n.t('live:nextRound') : b.label}
        </button>
      ))}
    </div>
  );
}

function RoundSetup({ state }: { state: LiveStateView }) {
  const catalogue = useLoad(() => api.catalogue(), 'catalogue');
  const products = catalogue.data ?? [];
  const ids = useId();
  return (
    <div className="live-setup">
      <div className="form-field">
        <label htmlFor={`${ids}-product`}>{i18n.t('live:product')}</label>
        <select id={`${ids}-product`} value={state.productId} onChange={(e) => send({ type: 'product', productId: e.target.value, kind: state.kind })}>
          {!products.some((p) => p.id === state.productId) && <option value={state.productId}>{state.productName || state.productId}</option>}
          {products.map((p) => <option key={p.id} value={p.id}>{localText(p.name)}</option>)}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${ids}-kind`}>{i18n.t('live:drill')}</label>
        <select id={`${ids}-kind`} value={state.kind} onChange={(e) => send({ type: 'product', productId: state.productId, kind: e.target.value as DrillKind })}>
          {DRILL_KINDS.map((k) => <option key={k} value={k}>{KIND_INFO[k].name}</option>)}
        </select>
      </div>
    </div>
  );
}

function Spotlight({ state }: { state: LiveStateView }) {
  const reveal = parseReveal(state.reveal);
  if (!reveal || reveal.tells.length === 0) return null;
  return (
    <section className="live-section" aria-labelledby="spotlight-title">
      <h2 id="spotlight-title" className="drill-sub">{i18n.t('live:spotlight')}</h2>
      <ol className="tell-list">
        {reveal.tells.map((t, i) => (
          <li key={t.id}>
            <button type="button" className="tell-item" aria-pressed={state.spotlight === t.id} aria-current={state.spotlight === t.id} onClick={() => send({ type: 'spotlight', tellId: state.spotlight === t.id ? null : t.id })}>
              <span className={`pin-badge${state.spotlight === t.id ? ' selected' : ''}`} aria-hidden>{i + 1}</span>
              <span className="tell-title">{localText(t.title)}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function InstructorPanel({ state }: { state: LiveStateView }) {
  return (
    <>
      <p className="drill-kind">{i18n.t('live:sessionLine', { phase: PHASE_NAME[state.phase] })}{state.round > 0 ? i18n.t('live:roundPart', { round: state.round }) : ''}</p>
      <h1 className="product-title">{state.title}</h1>
      <JoinCode code={state.code} />
      <PhaseButtons phase={state.phase} />
      <RoundSetup state={state} />
      <div className="live-toggles" role="group" aria-label={i18n.t('live:classControls')}>
        <button type="button" className="toggle" aria-pressed={state.follow} onClick={() => send({ type: 'follow', on: !state.follow })} title={i18n.t('live:followTitle')}>{i18n.t('live:follow')}</button>
        <button type="button" className="toggle" aria-pressed={state.pointersMuted} onClick={() => send({ type: 'mute-pointers', on: !state.pointersMuted })} title={i18n.t('live:muteTitle')}>{i18n.t('live:mute')}</button>
      </div>
      {(state.phase === 'reveal' || state.phase === 'leaderboard') && <Spotlight state={state} />}
      <Roster state={state} />
      <Leaderboard state={state} />
    </>
  );
}
