'use client';
import { FormSubmit } from '@/components/form-submit';
import { onFormSubmit } from '@/components/on-form-submit';
import { OrgTreePickerField, type OrgChoices } from '@/components/org-tree-picker';
import { Field, Input, InputField, MultiSelectField, Select } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { useAction } from '@/components/use-action';
import { createExamAction } from '@/lib/exams/actions';
import { QUESTION_TYPES } from '@/lib/exams/rules';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { paperFields } from '../../_components/paper-fields';

/** Setting an exam: how many questions of each type, the window, the time limit, the pass mark, who takes it. */
type Option = { id: string; label: string };
const ROLES = ['SECRETARY', 'CLERK', 'MEMBER', 'COMMITTEE'] as const;
/** The numeric settings: the time limit (minutes), the pass mark, how many retakes. */
const LIMITS = [
  { id: 'ex-dur', label: 'duration', name: 'durationMin', min: 5, max: 240, defaultValue: 30 },
  { id: 'ex-pass', label: 'passMark', name: 'passMark', min: 0, max: 100, defaultValue: 60 },
  { id: 'ex-retakes', label: 'retakes', name: 'retakes', min: 0, max: 5, defaultValue: 0 },
] as const;
/** The window: when the exam opens and closes (its defaults come from the page). */
const WINDOW = [
  { id: 'ex-open', name: 'opensAt' },
  { id: 'ex-close', name: 'closesAt' },
] as const;

export function ExamForm({
  orgs,
  bank,
  articles,
  trainings,
  defaults,
}: {
  orgs: OrgChoices;
  bank: Record<string, number>;
  articles: Option[];
  trainings: Option[];
  defaults: { opensAt: string; closesAt: string };
}) {
  const tr = useTranslations('roles');
  const t = useTranslations('exams');
  const router = useRouter();
  const create = useAction(createExamAction, { onSuccess: () => router.push('/exams') });
  return (
    <form
      className="space-y-3"
      data-testid="exam-form"
      onSubmit={onFormSubmit((fd) => {
        const num = (k: string) => Number(fd.get(k) || 0);
        const input = {
          title: String(fd.get('title') ?? ''),
          ...paperFields(fd, QUESTION_TYPES),
          orgIds: fd.getAll('orgIds').map(String).filter(Boolean),
          retakes: num('retakes'),
          roles: fd.getAll('roles').map(String) as (typeof ROLES)[number][],
          articleIds: fd.getAll('articleIds').map(String).filter(Boolean),
          tags: String(fd.get('tags') ?? '')
            .split(/[,，、\s]+/)
            .filter(Boolean),
          trainingId: String(fd.get('trainingId') ?? '') || null,
        };
        void create.run(input);
      })}
    >
      <InputField id="ex-title" label={t('form.title')} name="title" maxLength={120} />
      <fieldset className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        <legend className="mb-1 text-sm font-medium">{t('form.parts')}</legend>
        {QUESTION_TYPES.map((type) => (
          <label key={type} className="flex flex-col gap-1 text-sm">
            {t(`types.${type}`)}（{t('form.inBank', { n: bank[type] ?? 0 })}）
            <Input
              name={`count-${type}`}
              type="number"
              min={0}
              max={bank[type] ?? 0}
              defaultValue={type === 'SINGLE' ? 5 : type === 'JUDGE' ? 5 : 0}
            />
          </label>
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        {WINDOW.map(({ id, name }) => (
          <InputField
            key={id}
            id={id}
            label={t(`form.${name}`)}
            name={name}
            type="datetime-local"
            defaultValue={defaults[name]}
          />
        ))}
        {LIMITS.map(({ label, ...limit }) => (
          <InputField key={limit.id} label={t(`form.${label}`)} type="number" {...limit} />
        ))}
      </div>
      <MultiSelectField
        id="ex-articles"
        name="articleIds"
        label={t('form.articles')}
        hint={t('form.articlesHint')}
        options={articles}
        size={6}
      />
      <InputField id="ex-tags" label={t('form.tags')} hint={t('form.tagsHint')} name="tags" maxLength={200} />
      <Field label={t('form.training')} htmlFor="ex-training" hint={t('form.trainingHint')}>
        <Select id="ex-training" name="trainingId" defaultValue="">
          <Options items={trainings} empty={t('form.noTraining')} label={(s) => s.label} />
        </Select>
      </Field>
      <OrgTreePickerField
        id="ex-orgs"
        label={t('form.audience')}
        hint={t('form.audienceHint')}
        name="orgIds"
        orgs={orgs}
        multiple
        size={8}
      />
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className="mb-1 font-medium">{t('form.roles')}</legend>
        {ROLES.map((r) => (
          <label key={r} className="flex min-h-11 items-center gap-1">
            <input type="checkbox" name="roles" value={r} className="h-5 w-5" />
            {tr(r)}
          </label>
        ))}
      </fieldset>
      <FormSubmit error={create.error} pending={create.pending} label={t('form.create')} />
    </form>
  );
}
