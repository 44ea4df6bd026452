import { FormError } from '@/components/form-error';

/** The two frames a form stands in: a section under a card's content, or a card of its own. */
const LOOKS = {
  section: 'space-y-3 border-t border-stone-100 pt-3',
  card: 'space-y-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm',
} as const;

/**
 * The frame of a form bound by `useActionForm`: submits through it (no browser validation: the zod schema
 * speaks, in the page's language) and shows the form's refusal at its top, under an optional heading.
 */
export function ActionForm({
  submit,
  error,
  look,
  className,
  testId,
  heading,
  children,
}: {
  submit: (e: React.FormEvent<HTMLFormElement>) => unknown;
  error?: string;
  look?: keyof typeof LOOKS;
  className?: string;
  testId?: string;
  heading?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className={className ?? (look && LOOKS[look])}
      data-testid={testId}
    >
      {heading}
      <FormError message={error} />
      {children}
    </form>
  );
}
