import Link from 'next/link';
import type { Ref } from '@/lib/ledger/rules';

const HREF: Record<Ref['type'], ((id: string) => string) | null> = {
  meeting: (id) => `/meetings/${id}`,
  person: (id) => `/people/${id}`,
  transfer: () => '/people/transfers',
  org: (id) => `/orgs/${id}`,
  task: () => '/reminders',
  rectification: () => '/rectifications',
  period: null,
};

/** The records behind a computed count (and the periods missing one), each linked where it has a page. */
export function LedgerRefs({ refs, max = 12 }: { refs: readonly Ref[]; max?: number }) {
  if (refs.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-1 text-xs" data-testid="ledger-refs">
      {refs.slice(0, max).map((r, i) => {
        const href = HREF[r.type]?.(r.id);
        return (
          <li key={`${r.type}-${r.id}-${i}`} className="rounded bg-stone-100 px-2 py-0.5">
            {href ? (
              <Link href={href} className="text-brand-700 hover:underline">
                {r.label}
              </Link>
            ) : (
              r.label
            )}
          </li>
        );
      })}
      {refs.length > max && <li className="px-1 text-stone-500">+{refs.length - max}</li>}
    </ul>
  );
}
