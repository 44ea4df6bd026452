import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';

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
      <Button type="submit" variant={variant} disabled={pending} className={className}>
        {label}
      </Button>
    </>
  );
}
