'use client';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { useHydrated } from '@/components/use-hydrated';

/**
 * The submit button of a form the page's JavaScript sends (a server action through `useActionForm` or
 * `useAction`). It is off until the page is live: before that the browser would send the form itself, as a GET
 * to the page's address with every field in the query string (a password in the address bar and the server's
 * log), and nothing would be saved. A disabled default button also stops Enter from sending the form.
 */
export function SubmitButton({
  pending,
  ...props
}: Omit<React.ComponentProps<typeof Button>, 'type' | 'disabled'> & { pending: boolean }) {
  const live = useHydrated();
  return <Button type="submit" disabled={!live || pending} {...props} />;
}

/** A form's foot: the refusal, if any, above the submit button, which is off while the form is being sent. */
export function FormSubmit({
  error,
  pending,
  label,
  variant,
  className,
}: {
  error?: string;
  pending: boolean;
  label: React.ReactNode;
  variant?: React.ComponentProps<typeof Button>['variant'];
  className?: string;
}) {
  return (
    <>
      <FormError message={error} />
      <SubmitButton variant={variant} pending={pending} className={className}>
        {label}
      </SubmitButton>
    </>
  );
}

/** The last cells of a form laid out as a three-column grid: its button, then its refusal across the row. */
export function GridSubmit({
  error,
  pending,
  label,
}: {
  error?: string;
  pending: boolean;
  label: React.ReactNode;
}) {
  return (
    <>
      <div className="flex items-end">
        <SubmitButton pending={pending}>{label}</SubmitButton>
      </div>
      <div className="sm:col-span-3">
        <FormError message={error} />
      </div>
    </>
  );
}
