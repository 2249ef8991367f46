/** Placeholder shapes while the contact loads; announced once as "Loading…". */
export function Skeleton({ label }: { label: string }) {
  return (
    <div className="skeleton" role="status" aria-busy="true" data-state="loading">
      <span className="visually-hidden">{label}</span>
      <div className="bar wide" aria-hidden="true" />
      <div className="bar" aria-hidden="true" />
      <div className="bar short" aria-hidden="true" />
    </div>
  );
}
