import { forwardRef } from 'react';
import { Options } from './options';

const control =
  'block w-full min-h-11 rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500';

export function Field({
  label,
  error,
  hint,
  htmlFor,
  children,
}: {
  label: string;
  error?: string;
  hint?: string;
  htmlFor: string;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block text-sm font-medium text-stone-700">
        {label}
      </label>
      {children}
      {hint && !error && <p className="text-xs text-stone-500">{hint}</p>}
      {error && (
        <p className="text-sm text-red-700" data-testid={`error-${htmlFor}`}>
          {error}
        </p>
      )}
    </div>
  );
}

export const Input = forwardRef<HTMLInputElement, React.InputHTMLAttributes<HTMLInputElement>>(function Input(
  { className = '', ...props },
  ref,
) {
  return <input ref={ref} className={`${control} ${className}`} {...props} />;
});

export const Select = forwardRef<HTMLSelectElement, React.SelectHTMLAttributes<HTMLSelectElement>>(
  function Select({ className = '', ...props }, ref) {
    return <select ref={ref} className={`${control} ${className}`} {...props} />;
  },
);

export const Textarea = forwardRef<HTMLTextAreaElement, React.TextareaHTMLAttributes<HTMLTextAreaElement>>(
  function Textarea({ className = '', ...props }, ref) {
    return <textarea ref={ref} className={`${control} ${className}`} {...props} />;
  },
);

/** A labelled multiple choice from a list (articles, people): hold Ctrl/⌘ at a desk, tap on a phone. */
export function MultiSelectField({
  id,
  name,
  label,
  hint,
  error,
  options,
  size = 6,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  options: readonly { id: string; label: string }[];
  size?: number;
}) {
  return (
    <Field label={label} htmlFor={id} hint={hint} error={error}>
      <Select id={id} name={name} multiple size={size}>
        <Options items={options} label={(o) => o.label} />
      </Select>
    </Field>
  );
}

export type Labelled = { id: string; label: string; error?: string; hint?: string };

/** A labelled input: `id` ties the label (and the error's test id) to it; the rest goes to the input. */
export const InputField = forwardRef<
  HTMLInputElement,
  Labelled & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id'>
>(function InputField({ id, label, error, hint, ...input }, ref) {
  return (
    <Field label={label} htmlFor={id} error={error} hint={hint}>
      <Input id={id} ref={ref} {...input} />
    </Field>
  );
});

/** A labelled number input: the phone shows digits (with a point when `step` is fractional). */
export const NumberField = forwardRef<
  HTMLInputElement,
  Labelled & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'inputMode'>
>(function NumberField(props, ref) {
  const decimal = props.step !== undefined && !Number.isInteger(Number(props.step));
  return <InputField ref={ref} type="number" inputMode={decimal ? 'decimal' : 'numeric'} {...props} />;
});

/** A labelled text area, as `InputField`. */
export const TextareaField = forwardRef<
  HTMLTextAreaElement,
  Labelled & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>
>(function TextareaField({ id, label, error, hint, ...textarea }, ref) {
  return (
    <Field label={label} htmlFor={id} error={error} hint={hint}>
      <Textarea id={id} ref={ref} {...textarea} />
    </Field>
  );
});

/** A labelled password input; `autoComplete` tells the browser's password manager which one it is. */
export const PasswordField = forwardRef<
  HTMLInputElement,
  Labelled & {
    autoComplete: 'current-password' | 'new-password';
  } & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>
>(function PasswordField(props, ref) {
  return <InputField ref={ref} type="password" {...props} />;
});

/** A labelled select, as `InputField`; its options are its children. */
export const SelectField = forwardRef<
  HTMLSelectElement,
  Labelled & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'id'>
>(function SelectField({ id, label, error, hint, ...select }, ref) {
  return (
    <Field label={label} htmlFor={id} error={error} hint={hint}>
      <Select id={id} ref={ref} {...select} />
    </Field>
  );
});
