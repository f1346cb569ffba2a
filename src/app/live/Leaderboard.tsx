/** The session's leaderboard, ranked by points, then right answers, then name (rankStandings). */
import type { LiveStateView } from '../../domain/live-protocol';
import { standingsOf } from '../../session/live-view';
import { i18n } from '../../i18n/i18n';

export function Leaderboard({ state, you }: { state: LiveStateView; you?: string | null }) {
  const rows = standingsOf(state);
  return (
    <section className="live-section" aria-labelledby="leaderboard-title">
      <h2 id="leaderboard-title" className="drill-sub">{i18n.t('live:leaderboard')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{i18n.t('live:noTrainees')}</p>
      ) : (
        <table className="data-table live-table" aria-labelledby="leaderboard-title">
          <thead>
            <tr><th scope="col" className="num">#</th><th scope="col">{i18n.t('live:trainee')}</th><th scope="col" className="num">{i18n.t('live:points')}</th><th scope="col" className="num">{i18n.t('live:rightHead')}</th></tr>
          </thead>
          <tbody>
            {rows.map((p, i) => (
              <tr key={p.id} className={p.id === you ? 'selected' : undefined} aria-current={p.id === you ? 'true' : undefined}>
                <td className="num">{i + 1}</td>
                <th scope="row">{p.name}{p.id === you ? i18n.t('live:you') : ''}</th>
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
