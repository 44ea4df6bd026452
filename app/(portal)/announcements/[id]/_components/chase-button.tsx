'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
import { useTranslateMessage } from '@/components/use-translate-message';
import { Button } from '@/components/ui/button';
import { chaseUnreadAction } from '@/lib/announcements/actions';

export function ChaseUnreadButton({ id }: { id: string }) {
  const t = useTranslations('announcements');
  const tm = useTranslateMessage();
  const router = useRouter();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        data-testid="chase-unread"
        onClick={() =>
          start(async () => {
            setError(undefined);
            const r = await chaseUnreadAction({ id }).catch(() => ({
              ok: false as const,
              error: 'errors.unexpected',
              params: { ref: '-' },
            }));
            if (r.ok) {
              setDone(t('chased', { count: r.data.notified }));
              router.refresh();
            } else setError(tm(r.error, r.params) ?? r.error);
          })
        }
      >
        {t('chase')}
      </Button>
      {done && (
        <span className="text-sm text-green-700" role="status">
          {done}
        </span>
      )}
      <FormError message={error} />
    </div>
  );
}
