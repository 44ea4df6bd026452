/** Links to a record's stored files, each served by its domain's route (which asks the policy again). */
export function FileLinks<F extends { id: string }>({
  files,
  route,
  name,
  className = 'ml-2 text-brand-700 underline',
}: {
  files: readonly F[];
  /** The route's prefix: `/api/reminders/evidence/`, `/api/handbook/attachments/`. */
  route: string;
  name: (file: F) => string;
  className?: string;
}) {
  return files.map((f) => (
    <a key={f.id} href={`${route}${f.id}`} className={className}>
      {name(f)}
    </a>
  ));
}
