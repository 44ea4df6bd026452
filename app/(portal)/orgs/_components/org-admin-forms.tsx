'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { useTranslateMessage } from '@/components/use-translate-message';
import type { ActionResult } from '@/lib/action-client';
import { archiveOrgAction, moveOrgAction, setKeyUnitAction } from '@/lib/orgs/actions';

function useRun() {
  const router = useRouter();
  const tm = useTranslateMessage();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, start] = useTransition();
  const run = <T,>(fn: () => Promise<ActionResult<T>>, okText?: string, after?: (d: T) => void) =>
    start(async () => {
      setError(undefined);
      setDone(undefined);
      const r = await fn();
      if (!r.ok) {
        setError(tm(r.error, r.params));
        return;
      }
      setDone(okText);
      after?.(r.data);
      router.refresh();
    });
  return { run, error, done, pending };
}

export function KeyUnitToggle({ orgId, year, isKey }: { orgId: string; year: number; isKey: boolean }) {
  const t = useTranslations('orgs');
  const { run, error, pending } = useRun();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <span className="text-sm">{isKey ? t('isKeyUnit', { year }) : t('notKeyUnit', { year })}</span>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => run(() => setKeyUnitAction({ orgId, year, isKey: !isKey }))}
      >
        {isKey ? t('unsetKeyUnit') : t('setKeyUnit')}
      </Button>
      <FormError message={error} />
    </div>
  );
}

export function MoveForm({
  orgId,
  targets,
}: {
  orgId: string;
  targets: { id: string; name: string; depth: number }[];
}) {
  const t = useTranslations('orgs');
  const { run, error, done, pending } = useRun();
  const [target, setTarget] = useState('');
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => moveOrgAction({ id: orgId, newParentId: target }), t('moved'));
      }}
    >
      <div className="min-w-56 flex-1">
        <Field label={t('moveTo')} htmlFor="newParentId">
          <Select id="newParentId" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t('choose')}</option>
            {targets.map((o) => (
              <option key={o.id} value={o.id}>
                {'　'.repeat(o.depth)}
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={pending || !target}>
        {t('move')}
      </Button>
      <div className="w-full">
        <FormError message={error} />
        {done && <p className="text-sm text-green-700">{done}</p>}
      </div>
    </form>
  );
}

export function ArchiveButton({ orgId }: { orgId: string }) {
  const t = useTranslations('orgs');
  const { run, error, pending } = useRun();
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-600">{t('archiveHelp')}</p>
      <Button
        variant="danger"
        disabled={pending}
        data-testid="archive-org"
        onClick={() => {
          if (window.confirm(t('archiveConfirm'))) run(() => archiveOrgAction({ id: orgId }));
        }}
      >
        {t('archive')}
      </Button>
      <FormError message={error} />
    </div>
  );
}
