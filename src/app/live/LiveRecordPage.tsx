/**
 * ?page=live-record&session=<id>: a session's record, for its instructor (or an admin): who took
 * part, and every round's answers with their scores; "Export CSV" downloads the same, one row per
 * answer, as a group's results are exported.
 */
import type { DrillAnswer } from '../../domain/drill';
import { formatJoinCode } from '../../domain/live-protocol';
import type { LiveRecord, LiveRecordRound } from '../../domain/live-record';
import { TEACHING } from '../../domain/roles';
import { KIND_INFO } from '../drill/kinds';
import { LoadingBar } from '../LoadingBar';
import { navigate, useRoute } from '../route';
import { formatDate } from '../progress/format';
import { Gate, LoadError } from '../progress/Gate';
import { useLoad } from '../progress/useLoad';
import { liveApi } from './live-api';
import { PHASE_NAME } from './phase-words';
import '../progress/progress.css';
import './live.css';
import { i18n } from '../../i18n/i18n';
import { formatNumber, localText } from '../../i18n/text';

const pct = (x: number) => i18n.t('drill:percent', { value: Math.round(x * 100) });

export function answerText(a: DrillAnswer): string {
  if (a.kind === 'spot-the-fake') return i18n.t('live:rec.isFake', { side: a.counterfeit, confidence: pct(a.confidence) });
  if (a.kind === 'verdict') return i18n.t('live:rec.verdict', { verdict: i18n.t(`common:${a.verdict}`), confidence: pct(a.confidence) });
  return i18n.t('live:rec.pins', { count: a.pins.length });
}

function Round({ round }: { round: LiveRecordRound }) {
  const title = i18n.t('live:rec.round', { round: round.round, product: localText(round.productName), kind: KIND_INFO[round.kind]?.name ?? round.kind });
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{title}</caption>
        <thead>
          <tr><th scope="col">{i18n.t('live:trainee')}</th><th scope="col">{i18n.t('live:rec.answer')}</th><th scope="col">{i18n.t('live:rec.right')}</th><th scope="col" className="num">{i18n.t('live:rec.score')}</th><th scope="col" className="num">{i18n.t('live:rec.brier')}</th><th scope="col" className="num">{i18n.t('live:rec.tellsFound')}</th><th scope="col" className="num">{i18n.t('live:rec.falseAlarms')}</th></tr>
        </thead>
        <tbody>
          {round.answers.length === 0 ? (
            <tr><td colSpan={7} className="muted">{i18n.t('live:rec.noAnswers')}</td></tr>
          ) : (
            round.answers.map((a) => (
              <tr key={a.participantId}>
                <th scope="row">{a.name}</th>
                <td>{answerText(a.answer)}</td>
                <td>{a.correct ? i18n.t('live:rec.rightTick') : i18n.t('live:rec.wrongTick')}</td>
                <td className="num">{pct(a.scaled)}</td>
                <td className="num">{a.brier === null ? '—' : formatNumber(a.brier, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</td>
                <td className="num">{a.tellsTotal > 0 ? `${a.tellsFound} / ${a.tellsTotal}` : '—'}</td>
                <td className="num">{a.falseAlarms}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function Record({ record }: { record: LiveRecord }) {
  const s = record.session;
  return (
    <>
      <h1>{s.title}</h1>
      <p className="lead">
        {i18n.t('live:rec.ledBy', { name: s.instructorName, code: formatJoinCode(s.code), date: formatDate(s.createdAt), state: s.endedAt ? i18n.t('live:ended') : PHASE_NAME[s.phase], rounds: i18n.t('live:rec.rounds', { count: s.rounds }) })}
      </p>
      <p><a className="button" href={liveApi.csvUrl(s.id)} download>{i18n.t('live:rec.exportCsv')}</a></p>
      <section className="panel" aria-labelledby="people-title">
        <h2 id="people-title">{i18n.t('live:rec.people', { count: record.participants.length })}</h2>
        <div className="table-scroll">
          <table className="data-table" aria-labelledby="people-title">
            <thead>
              <tr><th scope="col">{i18n.t('live:rec.name')}</th><th scope="col">{i18n.t('live:rec.email')}</th><th scope="col">{i18n.t('live:rec.role')}</th><th scope="col">{i18n.t('live:rec.joined')}</th><th scope="col">{i18n.t('live:rec.note')}</th></tr>
            </thead>
            <tbody>
              {record.participants.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{p.email}</td>
                  <td>{p.role}</td>
                  <td>{formatDate(p.joinedAt)}</td>
                  <td>{p.removed ? i18n.t('live:rec.removed') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-labelledby="answers-title">
        <h2 id="answers-title">{i18n.t('live:rec.answers')}</h2>
        {record.rounds.length === 0 ? <p className="muted">{i18n.t('live:rec.noRounds')}</p> : record.rounds.map((r) => <Round key={r.round} round={r} />)}
      </section>
    </>
  );
}

function RecordLoader({ sessionId }: { sessionId: string }) {
  const record = useLoad(() => liveApi.record(sessionId), sessionId);
  if (record.error) return <LoadError what={i18n.t('live:rec.what')} message={record.error} retry={record.reload} />;
  if (!record.data) return <LoadingBar label={i18n.t('live:rec.loading')} />;
  return <Record record={record.data} />;
}

export function LiveRecordPage() {
  const route = useRoute();
  return (
    <Gate title={i18n.t('live:rec.title')} roles={TEACHING} signInText={i18n.t('live:rec.signIn')} deniedText={i18n.t('live:rec.denied')}>
      {() => (
        <main className="page live-record">
          <button type="button" className="link" onClick={() => navigate({ page: 'live' })}>{i18n.t('live:rec.back')}</button>
          {route.session ? <RecordLoader sessionId={route.session} /> : <p className="error" role="alert">{i18n.t('live:rec.noSession')}</p>}
        </main>
      )}
    </Gate>
  );
}
