'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { chaseUnreadAction } from '@/lib/announcements/actions';

export function ChaseUnreadButton({ id }: { id: string }) {
  const t = useTranslations('announcements');
  const router = useRouter();
  const [done, setDone] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <Button type="button" variant="secondary" disabled={pending} data-testid="chase-unread" onClick={() => start(async () => {
        const r = await chaseUnreadAction({ id });
        if (r.ok) { setDone(t('chased', { count: r.data.notified })); router.refresh(); }
      })}>{t('chase')}</Button>
      {done && <span className="text-sm text-green-700" role="status">{done}</span>}
    </div>
  );
}
