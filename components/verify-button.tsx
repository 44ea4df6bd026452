'use client';
import { useState } from 'react';
import type { ActionResult } from '@/lib/action-client';
import { CallButton } from './ui/call-button';
import { useAction } from './use-action';

/**
 * Re-runs a stored draw (a plan's unit draw, a working paper's record draw) and says whether it came out the
 * same: `done` words the agreement, `mismatch` the difference; a refusal (a changed population) shows as the error.
 */
export function VerifyButton<I, T extends { same: boolean }>({
  action,
  input,
  label,
  done,
  mismatch,
  testId,
}: {
  action: (input: I) => Promise<ActionResult<T>>;
  input: I;
  label: string;
  done: (result: T) => string;
  mismatch: string;
  testId: string;
}) {
  const [result, setResult] = useState<T>();
  const verify = useAction(action, { onSuccess: (d) => setResult(d) });
  return (
    <CallButton
      label={label}
      testId={testId}
      pending={verify.pending}
      onClick={() => {
        setResult(undefined);
        void verify.run(input);
      }}
      done={result?.same ? done(result) : undefined}
      doneTestId={`${testId}-result`}
      error={result ? (result.same ? undefined : mismatch) : verify.error}
    />
  );
}
