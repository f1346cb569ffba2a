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

const pct = (x: number) => `${Math.round(x * 100)} %`;

export function answerText(a: DrillAnswer): string {
  if (a.kind === 'spot-the-fake') return `${a.counterfeit} is the counterfeit (${pct(a.confidence)})`;
  if (a.kind === 'verdict') return `${a.verdict === 'genuine' ? 'Genuine' : 'Counterfeit'} (${pct(a.confidence)})`;
  return `${a.pins.length} pin${a.pins.length === 1 ? '' : 's'}`;
}

function Round({ round }: { round: LiveRecordRound }) {
  const title = `Round ${round.round}: ${round.productName} · ${KIND_INFO[round.kind]?.name ?? round.kind}`;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{title}</caption>
        <thead>
          <tr><th scope="col">Trainee</th><th scope="col">Answer</th><th scope="col">Right</th><th scope="col" className="num">Score</th><th scope="col" className="num">Brier</th><th scope="col" className="num">Tells found</th><th scope="col" className="num">False alarms</th></tr>
        </thead>
        <tbody>
          {round.answers.length === 0 ? (
            <tr><td colSpan={7} className="muted">No answers.</td></tr>
          ) : (
            round.answers.map((a) => (
              <tr key={a.participantId}>
                <th scope="row">{a.name}</th>
                <td>{answerText(a.answer)}</td>
                <td>{a.correct ? '✓ Right' : '✗ Wrong'}</td>
                <td className="num">{pct(a.scaled)}</td>
                <td className="num">{a.brier === null ? '—' : a.brier.toFixed(2)}</td>
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
        Led by {s.instructorName} · code {formatJoinCode(s.code)} · {formatDate(s.createdAt)} · {s.endedAt ? 'Ended' : PHASE_NAME[s.phase]} · {s.rounds} round{s.rounds === 1 ? '' : 's'}
      </p>
      <p><a className="button" href={liveApi.csvUrl(s.id)} download>Export CSV</a></p>
      <section className="panel" aria-labelledby="people-title">
        <h2 id="people-title">Who took part ({record.participants.length})</h2>
        <div className="table-scroll">
          <table className="data-table" aria-labelledby="people-title">
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Joined</th><th scope="col">Note</th></tr>
            </thead>
            <tbody>
              {record.participants.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{p.email}</td>
                  <td>{p.role}</td>
                  <td>{formatDate(p.joinedAt)}</td>
                  <td>{p.removed ? 'Removed' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-labelledby="answers-title">
        <h2 id="answers-title">Answers</h2>
        {record.rounds.length === 0 ? <p className="muted">No rounds were played.</p> : record.rounds.map((r) => <Round key={r.round} round={r} />)}
      </section>
    </>
  );
}

function RecordLoader({ sessionId }: { sessionId: string }) {
  const record = useLoad(() => liveApi.record(sessionId), sessionId);
  if (record.error) return <LoadError what="the session's record" message={record.error} retry={record.reload} />;
  if (!record.data) return <LoadingBar label="Loading the record" />;
  return <Record record={record.data} />;
}

export function LiveRecordPage() {
  const route = useRoute();
  return (
    <Gate title="Session record" roles={TEACHING} signInText="Sign in as an instructor to open a session's record." deniedText="Only the session's instructor and admins open its record.">
      {() => (
        <main className="page live-record">
          <button type="button" className="link" onClick={() => navigate({ page: 'live' })}>← Live sessions</button>
          {route.session ? <RecordLoader sessionId={route.session} /> : <p className="error" role="alert">No session was chosen.</p>}
        </main>
      )}
    </Gate>
  );
}
