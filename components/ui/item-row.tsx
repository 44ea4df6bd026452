'use client';
import { useHydrated } from '@/components/use-hydrated';
import { Button } from './button';

/**
 * One line of a short list — a session, a second factor, a linked account, an identity hold: what it is, a detail
 * line under it, and its one action at the end (it wraps under the text on a phone).
 */
export function ItemRow({
  title,
  detail,
  testId,
  children,
}: {
  title: React.ReactNode;
  detail?: React.ReactNode;
  testId?: string;
  children?: React.ReactNode;
}) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid={testId}>
      <div>
        <div className="font-medium">{title}</div>
        {detail && <div className="text-stone-600">{detail}</div>}
      </div>
      {children}
    </li>
  );
}

/** A row's action button: runs `action.run(input)`; off until the page is live and while the action is under way. */
export function RunButton<I>({
  action,
  input,
  children,
  testId,
}: {
  action: { pending: boolean; run: (input: I) => unknown };
  input: I;
  children: React.ReactNode;
  testId?: string;
}) {
  const live = useHydrated();
  return (
    <Button
      type="button"
      variant="secondary"
      disabled={!live || action.pending}
      data-testid={testId}
      onClick={() => void action.run(input)}
    >
      {children}
    </Button>
  );
}
