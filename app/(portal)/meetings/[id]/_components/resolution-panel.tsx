'use client';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/card';
import { Input, Textarea } from '@/components/ui/field';
import type { TSaveMeeting } from '@/lib/meetings/schema';
import { MAX_RESOLUTIONS } from '@/lib/meetings/rules';

type Resolution = TSaveMeeting['resolutions'][number];
const VOTES = ['votesFor', 'votesAgainst', 'votesAbstain'] as const;

/** 决议: what was decided and how the vote went; whether it passed is worked out, not typed. */
export function ResolutionPanel({
  resolutions,
  passed,
  error,
  onChange,
}: {
  resolutions: Resolution[];
  passed: boolean[];
  error?: string;
  onChange: (r: Resolution[]) => void;
}) {
  const t = useTranslations('meetings');
  const patch = (i: number, change: Partial<Resolution>) =>
    onChange(resolutions.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <Card title={t('resolutions')}>
      {error && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <ol className="space-y-4">
        {resolutions.map((r, i) => (
          <li
            key={i}
            className="space-y-2 rounded-md border border-stone-200 p-3"
            data-testid={`resolution-${i + 1}`}
          >
            <div className="flex items-center justify-between gap-2">
              <span className="text-sm font-medium">{t('resolutionN', { n: i + 1 })}</span>
              <Badge tone={passed[i] ? 'green' : 'red'}>{passed[i] ? t('passed') : t('notPassed')}</Badge>
            </div>
            <Textarea
              rows={2}
              aria-label={t('resolutionText', { n: i + 1 })}
              value={r.text ?? ''}
              onChange={(e) => patch(i, { text: e.target.value })}
            />
            <div className="grid grid-cols-3 gap-2">
              {VOTES.map((v) => (
                <label key={v} className="flex flex-col gap-1 text-xs text-stone-600">
                  {t(`fields.${v}`)}
                  <Input
                    type="number"
                    min={0}
                    inputMode="numeric"
                    value={String(r[v] ?? 0)}
                    onChange={(e) => patch(i, { [v]: e.target.value })}
                  />
                </label>
              ))}
            </div>
            <Button
              type="button"
              variant="secondary"
              onClick={() => onChange(resolutions.filter((_, j) => j !== i))}
            >
              {t('removeResolution')}
            </Button>
          </li>
        ))}
      </ol>
      {resolutions.length < MAX_RESOLUTIONS && (
        <Button
          type="button"
          variant="secondary"
          className="mt-3"
          onClick={() =>
            onChange([...resolutions, { text: '', votesFor: 0, votesAgainst: 0, votesAbstain: 0 }])
          }
        >
          {t('addResolution')}
        </Button>
      )}
    </Card>
  );
}
