'use client';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { FINDING_KINDS } from '@/lib/audits/rules';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { Finding, Line } from './scoring-form';

/** Problems, difficulties, good practices and impractical standards, each linked to a criterion if wanted. */
export function FindingsPanel({
  lines,
  findings,
  onAdd,
  errors,
}: {
  lines: Line[];
  findings: Finding[];
  onAdd: (f: Finding) => void;
  errors: Record<string, string>;
}) {
  const t = useTranslations('audits');
  const [kind, setKind] = useState<string>('PROBLEM');
  const [text, setText] = useState('');
  const [criterionId, setCriterionId] = useState('');
  const byId = useMemo(() => new Map(lines.map((l) => [l.id, l.code])), [lines]);
  return (
    <section className="space-y-2" data-testid="findings">
      <h2 className="font-semibold">{t('findings')}</h2>
      <ul className="space-y-1 text-sm">
        {findings.map((f) => (
          <li key={f.clientKey}>
            【{t(`findingKinds.${f.kind}` as never)}】{f.text}
            {f.criterionId && ` · ${byId.get(f.criterionId)}`}
            <FormError message={errors[f.clientKey] || undefined} />
          </li>
        ))}
      </ul>
      <div className="grid gap-2 sm:grid-cols-[10rem_1fr]">
        <Select aria-label={t('findingText')} value={kind} onChange={(e) => setKind(e.target.value)}>
          <Options items={FINDING_KINDS} label={(k) => t(`findingKinds.${k}`)} />
        </Select>
        <Input
          aria-label={t('findingText')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('findingText')}
        />
        <Select
          aria-label={t('relatedCriterion')}
          value={criterionId}
          onChange={(e) => setCriterionId(e.target.value)}
        >
          <Options items={lines} empty={t('relatedCriterion')} label={(l) => `${l.code} ${l.title}`} />
        </Select>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            if (text.trim().length < 2) return;
            onAdd({
              clientKey: crypto.randomUUID(),
              kind,
              text: text.trim(),
              ...(criterionId ? { criterionId } : {}),
            });
            setText('');
          }}
        >
          {t('addFinding')}
        </Button>
      </div>
    </section>
  );
}
