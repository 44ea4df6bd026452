'use client';
import { useTranslations } from 'next-intl';
import { FormError } from '@/components/form-error';
import { ItemRow, RunButton } from '@/components/ui/item-row';
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
          <ItemRow
            key={r.id}
            testId="session-row"
            title={
              <>
                {r.device}
                {r.current && (
                  <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-xs text-green-800">
                    {t('current')}
                  </span>
                )}
              </>
            }
            detail={t('line', { ip: r.ip, since: r.since, lastSeen: r.lastSeen })}
          >
            {!r.current && (
              <RunButton action={endOne} input={{ id: r.id }}>
                {t('end')}
              </RunButton>
            )}
          </ItemRow>
        ))}
      </ul>
      <FormError message={endOne.error} />
      {others > 0 && (
        <RunButton action={endOthers} input={{}} testId="end-other-sessions">
          {t('endOthers', { n: others })}
        </RunButton>
      )}
      {others === 0 && <p className="text-sm text-stone-600">{t('onlyThis')}</p>}
      <FormError message={endOthers.error} />
    </div>
  );
}
