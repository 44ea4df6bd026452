'use client';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useAction, useUploadAction } from '@/components/use-action';
import { addMeetingFilesAction, removeMeetingFileAction } from '@/lib/meetings/actions';

type StoredFile = { id: string; fileName: string; size: number };

/**
 * Minutes, the sign-in sheet and photos. Each file goes to the server as soon as it is chosen (a photo taken
 * with the camera is not lost with the page); the record lists what the server holds.
 */
export function FilesPanel({ meetingId, files }: { meetingId: string; files: StoredFile[] }) {
  const t = useTranslations('meetings');
  const upload = useUploadAction(addMeetingFilesAction, {
    refresh: true,
    tooBigKey: 'meetings.errors.fileTooLarge',
  });
  const remove = useAction(removeMeetingFileAction, { refresh: true });
  const send = (input: HTMLInputElement) => {
    if (!input.files?.length) return;
    const fd = new FormData();
    fd.set('meetingId', meetingId);
    for (const f of input.files) fd.append('files', f);
    upload.upload(fd);
    input.value = '';
  };
  return (
    <Card title={t('files')}>
      <p className="mb-3 text-sm text-stone-600">{t('filesHint')}</p>
      <div className="flex flex-wrap gap-2">
        <label className="inline-flex min-h-11 cursor-pointer items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white">
          {t('takePhoto')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="sr-only"
            data-testid="camera-input"
            onChange={(e) => send(e.currentTarget)}
          />
        </label>
        <label className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-stone-300 bg-white px-4 text-sm">
          {t('chooseFiles')}
          <input
            type="file"
            multiple
            accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx"
            className="sr-only"
            data-testid="files-input"
            onChange={(e) => send(e.currentTarget)}
          />
        </label>
      </div>
      {upload.pending && (
        <p role="status" className="mt-2 text-sm text-stone-600">
          {t('uploading')}
        </p>
      )}
      {(upload.errors.files ?? upload.errors._form ?? remove.error) && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {upload.errors.files ?? upload.errors._form ?? remove.error}
        </p>
      )}
      <ul className="mt-3 divide-y divide-stone-100" data-testid="meeting-files">
        {files.map((f) => (
          <li key={f.id} className="flex min-h-11 items-center justify-between gap-2 text-sm">
            <a href={`/api/meetings/files/${f.id}`} className="truncate text-brand-700 hover:underline">
              {f.fileName}
            </a>
            <Button
              type="button"
              variant="secondary"
              disabled={remove.pending}
              aria-label={t('removeFile', { name: f.fileName })}
              onClick={() => void remove.run({ meetingId, fileId: f.id })}
            >
              {t('remove')}
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
