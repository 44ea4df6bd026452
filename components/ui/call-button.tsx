'use client';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';

/**
 * A button that runs one server action, with what came of it below (or, `inline`, beside) it: `done` as a
 * status line, else the refusal. It stacks them unless `className` lays them out otherwise.
 */
export function CallButton({
  label,
  testId,
  pending,
  onClick,
  done,
  doneTestId,
  error,
  inline = false,
  className = 'space-y-2',
}: {
  label: string;
  testId: string;
  pending: boolean;
  onClick: () => void;
  done?: string;
  doneTestId?: string;
  error?: string;
  inline?: boolean;
  className?: string;
}) {
  const Status = inline ? 'span' : 'p';
  return (
    <div className={className}>
      <Button type="button" variant="secondary" disabled={pending} data-testid={testId} onClick={onClick}>
        {label}
      </Button>
      {done && (
        <Status className="text-sm text-green-700" role="status" data-testid={doneTestId}>
          {done}
        </Status>
      )}
      <FormError message={error} />
    </div>
  );
}
