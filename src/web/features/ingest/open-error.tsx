/** Why a file could not be opened: its name and the first problems with where they are. */
export function OpenError({
  name,
  problems,
  onDismiss,
}: {
  name: string;
  problems: string[];
  onDismiss(): void;
}) {
  return (
    <div className="notice error" role="alert">
      <button type="button" className="close" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
      <strong>Could not open {name}: it is not a valid LogonLens dataset.</strong> The current view is
      unchanged.
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
