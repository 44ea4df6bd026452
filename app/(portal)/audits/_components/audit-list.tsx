import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import { STATUS_TONE } from './status-tone';

type AuditRow = { id: string; org: { name: string }; status: keyof typeof STATUS_TONE; total: number | null };

/** Audits as rows: the unit (a link to its audit), what `detail` says of it, the status and the score. */
export async function AuditList<A extends AuditRow>({
  audits,
  testId,
  detail,
}: {
  audits: readonly A[];
  testId: string;
  detail: (audit: A) => React.ReactNode;
}) {
  const t = await getTranslations('audits');
  return (
    <ul className="divide-y divide-stone-100 text-sm" data-testid={testId}>
      {audits.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <Link
            href={`/audits/${a.id}`}
            className="min-h-11 content-center font-medium text-brand-700 hover:underline"
          >
            {a.org.name}
          </Link>
          <span className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
            {detail(a)}
            <Badge tone={STATUS_TONE[a.status]}>{t(`statuses.${a.status}`)}</Badge>
            {a.total != null && <span className="font-semibold">{a.total}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
