'use client';
import { onFormSubmit } from '@/components/on-form-submit';
import { SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { FormError } from '@/components/form-error';
import { Field, InputField, Select } from '@/components/ui/field';
import { useAction } from '@/components/use-action';
import { addAttachmentAction, removeAttachmentAction } from '@/lib/handbook/actions';

type File_ = { id: string; title: string; fileName: string; kind: string; size: number };

export function AttachmentsEditor({ articleId, files }: { articleId: string; files: File_[] }) {
  const t = useTranslations('handbook');
  const formRef = useRef<HTMLFormElement>(null);
  const remove = useAction(removeAttachmentAction, { refresh: true });
  const add = useAction(addAttachmentAction, { refresh: true, onSuccess: () => formRef.current?.reset() });
  const pending = remove.pending || add.pending;
  const error = remove.error ?? add.error;
  return (
    <section
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      data-testid="attachments-editor"
    >
      <h2 className="text-base font-semibold">{t('templates')}</h2>
      {files.length === 0 ? (
        <p className="text-sm text-stone-600">{t('noTemplates')}</p>
      ) : (
        <ul className="divide-y divide-stone-100 text-sm">
          {files.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <a href={`/api/handbook/attachments/${f.id}`} className="text-brand-700 underline">
                {f.title}
              </a>
              <span className="text-stone-500">
                {t(`attachmentKinds.${f.kind}`)} · {f.fileName} · {Math.max(1, Math.round(f.size / 1024))} KB
              </span>
              <button
                type="button"
                className="min-h-9 rounded px-2 text-red-700 hover:bg-red-50"
                disabled={pending}
                onClick={() => {
                  add.reset();
                  void remove.run({ id: f.id });
                }}
              >
                {t('delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        ref={formRef}
        className="grid gap-3 border-t border-stone-100 pt-3 sm:grid-cols-2"
        onSubmit={onFormSubmit((fd) => {
          remove.reset();
          add.reset();
          void add.run(fd);
        })}
      >
        <input type="hidden" name="articleId" value={articleId} />
        <InputField
          id="file"
          label={t('uploadFile')}
          hint={t('uploadHint')}
          name="file"
          type="file"
          accept=".docx,.xlsx,.pdf,.jpg,.jpeg,.png"
          required
        />
        <InputField id="attachment-title" label={t('attachmentTitle')} name="title" maxLength={100} />
        <Field label={t('attachmentKind')} htmlFor="kind">
          <Select id="kind" name="kind" defaultValue="TEMPLATE">
            <option value="TEMPLATE">{t('attachmentKinds.TEMPLATE')}</option>
            <option value="EXAMPLE">{t('attachmentKinds.EXAMPLE')}</option>
          </Select>
        </Field>
        <InputField id="sourceOrgName" label={t('sourceOrg')} name="sourceOrgName" maxLength={100} />
        <div className="sm:col-span-2">
          <FormError message={error} />
        </div>
        <div>
          <SubmitButton variant="secondary" pending={pending}>
            {t('upload')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
