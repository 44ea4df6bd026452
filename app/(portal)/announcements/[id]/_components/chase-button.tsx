'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CallButton } from '@/components/ui/call-button';
import { rejectionAsUnexpected, useAction } from '@/components/use-action';
import { chaseUnreadAction } from '@/lib/announcements/actions';

const chaseUnread = rejectionAsUnexpected(chaseUnreadAction);

export function ChaseUnreadButton({ id }: { id: string }) {
  const t = useTranslations('announcements');
  const [done, setDone] = useState<string>();
  const chase = useAction(chaseUnread, {
    refresh: true,
    onSuccess: (d) => setDone(t('chased', { count: d.notified })),
  });
  return (
    <CallButton
      className="flex items-center gap-2"
      inline
      label={t('chase')}
      testId="chase-unread"
      pending={chase.pending}
      onClick={() => {
        chase.reset();
        void chase.run({ id });
      }}
      done={done}
      error={chase.error}
    />
  );
}
