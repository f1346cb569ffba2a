/** The session's leaderboard, ranked by points, then right answers, then name (rankStandings). */
import type { LiveStateView } from '../../domain/live-protocol';
import { standingsOf } from '../../session/live-view';

export function Leaderboard({ state, you }: { state: LiveStateView; you?: string | null }) {
  const rows = standingsOf(state);
  return (
    <section className="live-section" aria-labelledby="leaderboard-title">
      <h2 id="leaderboard-title" className="drill-sub">Leaderboard</h2>
      {rows.length === 0 ? (
        <p className="muted">No trainees yet.</p>
      ) : (
        <table className="data-table live-table" aria-labelledby="leaderboard-title">
          <thead>
            <tr><th scope="col" className="num">#</th><th scope="col">Trainee</th><th scope="col" className="num">Points</th><th scope="col" className="num">Right</th></tr>
          </thead>
          <tbody>
            {rows.map((p, i) => (
              <tr key={p.id} className={p.id === you ? 'selected' : undefined} aria-current={p.id === you ? 'true' : undefined}>
                <td className="num">{i + 1}</td>
                <th scope="row">{p.name}{p.id === you ? ' (you)' : ''}</th>
                <td className="num">{Math.round(p.points)}</td>
                <td className="num">{p.correct} / {p.answered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
