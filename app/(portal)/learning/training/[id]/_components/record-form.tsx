'use client';
import { onFormSubmit } from '@/components/on-form-submit';
import { useTranslations } from 'next-intl';
import { FormSubmit } from '@/components/form-submit';
import { useAction } from '@/components/use-action';
import { recordAttendanceAction } from '@/lib/training/actions';

type Person = {
  id: string;
  name: string;
  unit: string;
  method: 'SELF' | 'ORGANIZER' | null;
  at: string | null;
};

/** The invitees with who came and how; the organizer ticks those present without a scan and records them. */
export function RecordAttendanceForm({ sessionId, people }: { sessionId: string; people: Person[] }) {
  const t = useTranslations('training');
  const record = useAction(recordAttendanceAction, { refresh: true });
  return (
    <form
      data-testid="attendance-form"
      onSubmit={onFormSubmit(
        (fd) => void record.run({ sessionId, userIds: fd.getAll('userIds').map(String) }),
      )}
    >
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-stone-500">
              <th className="w-10" />
              <th className="py-1 pr-2">{t('cols.person')}</th>
              <th className="pr-2">{t('cols.unit')}</th>
              <th>{t('cols.status')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id} className="border-t border-stone-100" data-person-id={p.id}>
                <td className="py-1">
                  {!p.method && (
                    <input
                      type="checkbox"
                      name="userIds"
                      value={p.id}
                      aria-label={p.name}
                      className="h-5 w-5"
                    />
                  )}
                </td>
                <td className="py-1 pr-2">{p.name}</td>
                <td className="pr-2">{p.unit}</td>
                <td>
                  {p.method ? (
                    `${t(`method.${p.method}`)} · ${p.at}`
                  ) : (
                    <span className="text-amber-700">{t('absent')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormSubmit error={record.error} pending={record.pending} label={t('record')} className="mt-3" />
    </form>
  );
}
