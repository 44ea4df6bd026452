'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import { readAllNotificationsAction, readNotificationAction } from '@/lib/notifications/actions';

type Row = { id: string; kind: string; text: string; when: string; read: boolean };

export function NotificationList({ rows }: { rows: Row[] }) {
  const t = useTranslations('notifications');
  const router = useRouter();
  const readAll = useAction(readAllNotificationsAction);
  const read = useAction(readNotificationAction, { onSuccess: (d) => router.push(d.link) });
  const pending = readAll.pending || read.pending;
  return (
    <div className="space-y-3">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          void readAll.run({}).then((r) => {
            if (r) router.refresh();
          })
        }
      >
        {t('markAllRead')}
      </Button>
      <ul className="divide-y divide-stone-100 text-sm" data-testid="notification-list">
        {rows.map((n) => (
          <li
            key={n.id}
            className={`flex items-start justify-between gap-2 py-2 ${n.read ? 'text-stone-600' : ''}`}
            data-unread={!n.read || undefined}
          >
            <div className="min-w-0 [overflow-wrap:anywhere]">
              <span className="mr-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs">
                {t(`kinds.${n.kind}` as never)}
              </span>
              <span className={n.read ? '' : 'font-medium'}>{n.text}</span>
              <div className="text-xs text-stone-500">{n.when}</div>
            </div>
            <Button
              type="button"
              variant="ghost"
              disabled={pending}
              onClick={() => void read.run({ id: n.id })}
            >
              {t('open')}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
