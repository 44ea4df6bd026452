'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormSubmit } from '@/components/form-submit';
import { useAction } from '@/components/use-action';
import { Input, InputField, Select, TextareaField } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { issueFeedbackAction } from '@/lib/feedback/actions';

type Problem = { findingId: string; criterionId?: string; problem: string; suggestion: string };
type Difficulty = { findingId: string; text: string; departmentId: string };

/** The team leader's form: problems (from the audit's findings, editable) with suggestions, difficulties to departments. */
export function IssueFeedbackForm(props: {
  auditId: string;
  problems: Problem[];
  difficulties: Omit<Difficulty, 'departmentId'>[];
  departments: { id: string; name: string }[];
  defaultDeadline: string;
}) {
  const t = useTranslations('feedback');
  const router = useRouter();
  const [problems, setProblems] = useState<Problem[]>(props.problems);
  const [difficulties, setDifficulties] = useState<Difficulty[]>(
    props.difficulties.map((d) => ({ ...d, departmentId: '' })),
  );
  const [summary, setSummary] = useState('');
  const [deadline, setDeadline] = useState(props.defaultDeadline);
  const issue = useAction(issueFeedbackAction, { onSuccess: (d) => router.push(`/feedback/${d.id}`) });
  return (
    <form
      className="space-y-3"
      data-testid="issue-feedback"
      onSubmit={(e) => {
        e.preventDefault();
        void issue.run({
          auditId: props.auditId,
          summary,
          deadline,
          items: problems,
          coordination: difficulties
            .filter((d) => d.departmentId)
            .map((d) => ({ findingId: d.findingId, departmentId: d.departmentId, text: d.text })),
        });
      }}
    >
      <p className="text-sm text-stone-600">{t('issueHint')}</p>
      <TextareaField
        id="fb-summary"
        label={t('summaryLabel')}
        rows={3}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
      />
      <InputField
        id="fb-deadline"
        label={t('deadlineLabel')}
        type="date"
        value={deadline}
        onChange={(e) => setDeadline(e.target.value)}
      />
      <ol className="space-y-2">
        {problems.map((p, i) => (
          <li key={p.findingId} className="space-y-1 rounded-md border border-stone-200 p-2">
            <Input
              aria-label={`${t('problem')} ${i + 1}`}
              value={p.problem}
              onChange={(e) =>
                setProblems((x) => x.map((y, j) => (j === i ? { ...y, problem: e.target.value } : y)))
              }
            />
            <Input
              aria-label={`${t('suggestion')} ${i + 1}`}
              placeholder={t('suggestion')}
              value={p.suggestion}
              onChange={(e) =>
                setProblems((x) => x.map((y, j) => (j === i ? { ...y, suggestion: e.target.value } : y)))
              }
            />
          </li>
        ))}
      </ol>
      {difficulties.map((d, i) => (
        <div key={d.findingId} className="grid gap-1 text-sm sm:grid-cols-[1fr_12rem]">
          <span>{d.text}</span>
          <Select
            aria-label={t('department')}
            value={d.departmentId}
            onChange={(e) =>
              setDifficulties((x) => x.map((y, j) => (j === i ? { ...y, departmentId: e.target.value } : y)))
            }
          >
            <Options items={props.departments} empty={t('noDepartment')} label={(o) => o.name} />
          </Select>
        </div>
      ))}
      <FormSubmit error={issue.error} pending={issue.pending} label={t('issue')} />
    </form>
  );
}
