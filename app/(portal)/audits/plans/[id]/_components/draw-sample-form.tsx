'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { FormSubmit } from '@/components/form-submit';
import { InputField, NumberField, SelectField } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { drawSampleAction } from '@/lib/audits/actions';

import { MEETING_KINDS } from '@/lib/meetings/rules';

const schemas = lazySchemas(() => import('@/lib/audits/schema'));

/** 二级抽样: the kind of record, how many per unit, the seed (blank = random) and the reviewer from the team. */
export function DrawSampleForm({ planId, team }: { planId: string; team: { id: string; name: string }[] }) {
  const t = useTranslations('audits.samples');
  const tm = useTranslations('meetings');
  const router = useRouter();
  const { submit, formError, field, busy } = useActionForm(schemas.ZDrawSample, drawSampleAction, {
    defaultValues: { planId, recordKind: 'COMMITTEE', perUnit: 3, seed: '', reviewerId: team[0]?.id ?? '' },
    onSuccess: (d) => router.push(`/audits/samples/${d.id}`),
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3" data-testid="draw-sample">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id="recordKind" label={t('recordKind')} {...field('recordKind')}>
          <Options items={MEETING_KINDS} label={(k) => tm(`kinds.${k}`)} />
        </SelectField>
        <NumberField id="perUnit" min={1} max={20} label={t('perUnit')} {...field('perUnit')} />
        <InputField id="seed" label={t('seed')} autoComplete="off" {...field('seed')} />
        <SelectField id="reviewerId" label={t('reviewer')} {...field('reviewerId')}>
          <Options items={team} label={(m) => m.name} />
        </SelectField>
      </div>
      <FormSubmit error={formError} pending={busy} label={t('draw')} />
    </form>
  );
}
