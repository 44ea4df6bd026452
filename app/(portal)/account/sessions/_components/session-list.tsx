'use client';
import { useTranslations } from 'next-intl';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import { endOtherSessionsAction, endSessionAction } from '@/lib/account/actions';

type Row = { id: string; device: string; ip: string; since: string; lastSeen: string; current: boolean };

/** One's own sessions, each on its own line (a phone reads it as well as a desk); the others can be ended. */
export function SessionList({ rows }: { rows: Row[] }) {
  const t = useTranslations('sessions');
  const endOne = useAction(endSessionAction, { refresh: true });
  const endOthers = useAction(endOtherSessionsAction, { refresh: true });
  const others = rows.filter((r) => !r.current).length;
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-stone-100 text-sm" data-testid="session-list">
        {rows.map((r) => (
          <li
            key={r.id}
            className="flex flex-wrap items-center justify-between gap-2 py-2"
            data-testid="session-row"
          >
            <div>
              <div className="font-medium">
                {r.device}
                {r.current && (
                  <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-xs text-green-800">
                    {t('current')}
                  </span>
                )}
              </div>
              <div className="text-stone-600">
                {t('line', { ip: r.ip, since: r.since, lastSeen: r.lastSeen })}
              </div>
            </div>
            {!r.current && (
              <Button
                type="button"
                variant="secondary"
                disabled={endOne.pending}
                onClick={() => void endOne.run({ id: r.id })}
              >
                {t('end')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <FormError message={endOne.error} />
      {others > 0 && (
        <Button
          type="button"
          variant="secondary"
          disabled={endOthers.pending}
          data-testid="end-other-sessions"
          onClick={() => void endOthers.run({})}
        >
          {t('endOthers', { n: others })}
        </Button>
      )}
      {others === 0 && <p className="text-sm text-stone-600">{t('onlyThis')}</p>}
      <FormError message={endOthers.error} />
    </div>
  );
}
