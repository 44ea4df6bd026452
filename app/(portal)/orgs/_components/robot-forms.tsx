'use client';
import { SubmitButton } from '@/components/form-submit';
import { Options } from '@/components/ui/options';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { FormError } from '@/components/form-error';
import { useAction } from '@/components/use-action';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { addRobotAction, removeRobotAction } from '@/lib/channels/actions';

const schemas = lazySchemas(() => import('@/lib/channels/schema'));

type Robot = { id: string; kind: string; active: boolean; signed: boolean; url: string };

export function RobotForms({ orgId, robots }: { orgId: string; robots: Robot[] }) {
  const t = useTranslations('robots');
  const router = useRouter();
  const remove = useAction(removeRobotAction);
  const { form, submit, formError, errorOf, busy } = useActionForm(schemas.ZAddRobot, addRobotAction, {
    defaultValues: { orgId, kind: 'WECOM', url: '', secret: '' },
    refresh: true,
    onSuccess: () => form.reset({ orgId, kind: 'WECOM', url: '', secret: '' }),
  });
  return (
    <div className="space-y-3 text-sm" data-testid="robots">
      {robots.length === 0 ? (
        <p className="text-stone-600">{t('none')}</p>
      ) : (
        <ul className="divide-y divide-stone-100">
          {robots.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-2 py-1">
              <span>
                {t(`kinds.${r.kind}`)} · {r.url}
                {r.signed && ` · ${t('signed')}`}
                {!r.active && ` · ${t('inactive')}`}
              </span>
              {r.active && (
                <Button
                  type="button"
                  variant="ghost"
                  disabled={remove.pending}
                  onClick={() =>
                    void remove.run({ id: r.id }).then((res) => {
                      if (res) router.refresh();
                    })
                  }
                >
                  {t('remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="grid gap-2 sm:grid-cols-2">
        <Field label={t('kind')} htmlFor="robot-kind">
          <Select id="robot-kind" {...form.register('kind')}>
            <Options items={['WECOM', 'DINGTALK', 'FEISHU']} label={(k) => t(`kinds.${k}`)} />
          </Select>
        </Field>
        <Field label={t('url')} htmlFor="robot-url" hint={t('urlHint')} error={errorOf('url')}>
          <Input id="robot-url" {...form.register('url')} />
        </Field>
        <Field label={t('secret')} htmlFor="robot-secret" hint={t('secretHint')}>
          <Input id="robot-secret" type="password" autoComplete="off" {...form.register('secret')} />
        </Field>
        <div className="flex items-end">
          <SubmitButton pending={busy}>{t('add')}</SubmitButton>
        </div>
        <FormError message={formError} />
      </form>
    </div>
  );
}
