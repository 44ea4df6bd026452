import { FormError } from '@/components/form-error';

/**
 * The frame of a form bound by `useActionForm`: submits through it (no browser validation: the zod schema
 * speaks, in the page's language) and shows the form's refusal at its top, under an optional heading.
 */
export function ActionForm({
  submit,
  error,
  className,
  testId,
  heading,
  children,
}: {
  submit: (e: React.FormEvent<HTMLFormElement>) => unknown;
  error?: string;
  className?: string;
  testId?: string;
  heading?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className={className} data-testid={testId}>
      {heading}
      <FormError message={error} />
      {children}
    </form>
  );
}
