'use client';
import { SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useAction } from '@/components/use-action';
import { archiveOrgAction, moveOrgAction, setKeyUnitAction } from '@/lib/orgs/actions';
import { OrgTreePicker, type OrgChoices } from '@/components/org-tree-picker';

export function KeyUnitToggle({ orgId, year, isKey }: { orgId: string; year: number; isKey: boolean }) {
  const t = useTranslations('orgs');
  const toggle = useAction(setKeyUnitAction, { refresh: true });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <span className="text-sm">{isKey ? t('isKeyUnit', { year }) : t('notKeyUnit', { year })}</span>
      <Button
        type="button"
        variant="secondary"
        disabled={toggle.pending}
        onClick={() => {
          toggle.reset();
          void toggle.run({ orgId, year, isKey: !isKey });
        }}
      >
        {isKey ? t('unsetKeyUnit') : t('setKeyUnit')}
      </Button>
      <FormError message={toggle.error} />
    </div>
  );
}

export function MoveForm({ orgId, targets }: { orgId: string; targets: OrgChoices }) {
  const t = useTranslations('orgs');
  const [target, setTarget] = useState('');
  const [moved, setMoved] = useState(false);
  const move = useAction(moveOrgAction, { refresh: true, onSuccess: () => setMoved(true) });
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        move.reset();
        setMoved(false);
        void move.run({ id: orgId, newParentId: target });
      }}
    >
      <div className="min-w-56 flex-1">
        <Field label={t('moveTo')} htmlFor="newParentId">
          <OrgTreePicker
            id="newParentId"
            orgs={targets}
            emptyLabel={t('choose')}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
        </Field>
      </div>
      <SubmitButton variant="secondary" pending={move.pending || !target}>
        {t('move')}
      </SubmitButton>
      <div className="w-full">
        <FormError message={move.error} />
        {moved && <p className="text-sm text-green-700">{t('moved')}</p>}
      </div>
    </form>
  );
}

export function ArchiveButton({ orgId }: { orgId: string }) {
  const t = useTranslations('orgs');
  const archive = useAction(archiveOrgAction, { refresh: true });
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-600">{t('archiveHelp')}</p>
      <Button
        type="button"
        variant="danger"
        disabled={archive.pending}
        data-testid="archive-org"
        onClick={() => {
          if (!window.confirm(t('archiveConfirm'))) return;
          archive.reset();
          void archive.run({ id: orgId });
        }}
      >
        {t('archive')}
      </Button>
      <FormError message={archive.error} />
    </div>
  );
}
