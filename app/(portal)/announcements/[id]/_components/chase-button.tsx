'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import type { ActionResult } from '@/lib/action-client';
import { chaseUnreadAction } from '@/lib/announcements/actions';

/** A dropped connection rejects instead of answering: shown as unexpected. */
const chaseUnread = (input: { id: string }) =>
  chaseUnreadAction(input).catch((): ActionResult<never> => ({
    ok: false,
    error: 'errors.unexpected',
    params: { ref: '-' },
  }));

export function ChaseUnreadButton({ id }: { id: string }) {
  const t = useTranslations('announcements');
  const [done, setDone] = useState<string>();
  const chase = useAction(chaseUnread, {
    refresh: true,
    onSuccess: (d) => setDone(t('chased', { count: d.notified })),
  });
  return (
    <div className="flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        disabled={chase.pending}
        data-testid="chase-unread"
        onClick={() => {
          chase.reset();
          void chase.run({ id });
        }}
      >
        {t('chase')}
      </Button>
      {done && (
        <span className="text-sm text-green-700" role="status">
          {done}
        </span>
      )}
      <FormError message={chase.error} />
    </div>
  );
}
