/** A progress bar for loads: determinate when a fraction is known, indeterminate otherwise. */
export function LoadingBar({ label, progress }: { label: string; progress?: number }) {
  const pct = progress === undefined ? undefined : Math.round(progress);
  return (
    <div className="loading" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
      <div className="loading-label">{label}{pct !== undefined ? ` — ${pct}%` : '…'}</div>
      <div className="loading-track">
        <div className={pct === undefined ? 'loading-fill indeterminate' : 'loading-fill'} style={pct === undefined ? undefined : { width: `${pct}%` }} />
      </div>
    </div>
  );
}
