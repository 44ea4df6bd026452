'use client';
import { SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { onFormSubmit } from '@/components/on-form-submit';
import { useAction } from '@/components/use-action';
import { Button } from '@/components/ui/button';
import { Input, Select, Textarea } from '@/components/ui/field';
import { type Choice, Options } from '@/components/ui/options';
import { decideRevisionAction, proposeRevisionAction } from '@/lib/revisions/actions';
import { REVISION_FIELDS } from '@/lib/revisions/rules';

export function DecideForm({ proposalId, others }: { proposalId: string; others: Choice[] }) {
  const t = useTranslations('revisions');
  const [note, setNote] = useState('');
  const [into, setInto] = useState('');
  const decide = useAction(decideRevisionAction, { refresh: true });
  const go = (decision: 'ACCEPT' | 'REJECT' | 'MERGE') =>
    void decide.run({
      proposalId,
      decision,
      note: note || undefined,
      mergeIntoId: decision === 'MERGE' ? into || undefined : undefined,
    });
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2" data-testid="decide-form">
      <Input
        aria-label={t('note')}
        placeholder={t('note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        className="min-w-40 flex-1"
      />
      <Button type="button" disabled={decide.pending} onClick={() => go('ACCEPT')}>
        {t('accept')}
      </Button>
      <Button type="button" variant="danger" disabled={decide.pending} onClick={() => go('REJECT')}>
        {t('reject')}
      </Button>
      {others.length > 0 && (
        <>
          <Select aria-label={t('mergeInto')} value={into} onChange={(e) => setInto(e.target.value)}>
            <Options items={others} empty={t('mergeInto')} label={(o) => o.label} />
          </Select>
          <Button type="button" variant="secondary" disabled={decide.pending} onClick={() => go('MERGE')}>
            {t('merge')}
          </Button>
        </>
      )}
      <FormError message={decide.error} />
    </div>
  );
}

export function ProposeForm({
  articles,
  findingId,
  defaultText,
}: {
  articles: Choice[];
  findingId?: string;
  defaultText?: string;
}) {
  const t = useTranslations('revisions');
  const [articleId, setArticleId] = useState(articles[0]?.id ?? '');
  const [field, setField] = useState<(typeof REVISION_FIELDS)[number]>(findingId ? 'example' : 'how');
  const [text, setText] = useState(defaultText ?? '');
  const [reason, setReason] = useState('');
  const [proposed, setProposed] = useState(false);
  const propose = useAction(proposeRevisionAction, { refresh: true, onSuccess: () => setProposed(true) });
  const submit = onFormSubmit(() => {
    setProposed(false);
    void propose.run({ articleId, field, proposedText: text, reason, findingId });
  });
  return (
    <form className="space-y-2 text-sm" data-testid="propose-form" onSubmit={submit}>
      {articles.length > 1 && (
        <Select aria-label={t('article')} value={articleId} onChange={(e) => setArticleId(e.target.value)}>
          <Options items={articles} label={(a) => a.label} />
        </Select>
      )}
      <Select
        aria-label={t('field')}
        value={field}
        onChange={(e) => setField(e.target.value as typeof field)}
      >
        <Options items={REVISION_FIELDS} label={(f) => t(`fields.${f}`)} />
      </Select>
      <Textarea
        aria-label={t('text')}
        placeholder={t('text')}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Input
        aria-label={t('reason')}
        placeholder={t('reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {proposed ? (
        <p className="text-green-700" role="status">
          {t('proposed')}
        </p>
      ) : (
        <FormError message={propose.error} />
      )}
      <SubmitButton variant="secondary" pending={propose.pending}>
        {t('propose')}
      </SubmitButton>
    </form>
  );
}
