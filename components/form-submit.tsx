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
        <Button type="submit" disabled={pending}>
          {label}
        </Button>
      </div>
      <div className="sm:col-span-3">
        <FormError message={error} />
      </div>
    </>
  );
}
