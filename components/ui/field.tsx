import { forwardRef } from 'react';
import { Options, type Choice } from './options';

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

/** A form control with the portal's look; `className` adds to it. */
function styled<E extends HTMLElement, P extends React.HTMLAttributes<E>>(
  Tag: 'input' | 'select' | 'textarea',
  name: string,
) {
  const C = forwardRef<E, P>(function Control({ className = '', ...props }, ref) {
    return <Tag ref={ref as never} className={`${control} ${className}`} {...(props as object)} />;
  });
  C.displayName = name;
  return C;
}

export const Input = styled<HTMLInputElement, React.InputHTMLAttributes<HTMLInputElement>>('input', 'Input');
export const Select = styled<HTMLSelectElement, React.SelectHTMLAttributes<HTMLSelectElement>>(
  'select',
  'Select',
);
export const Textarea = styled<HTMLTextAreaElement, React.TextareaHTMLAttributes<HTMLTextAreaElement>>(
  'textarea',
  'Textarea',
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
  options: readonly Choice[];
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

/** A labelled control: `id` ties the label (and the error's test id) to it; the rest goes to the control. */
function labelled<E extends HTMLElement, P>(
  Control: React.ComponentType<P & React.RefAttributes<E>>,
  name: string,
) {
  const C = forwardRef<E, Labelled & Omit<P, 'id'>>(function LabelledControl(props, ref) {
    const { id, label, error, hint, ...rest } = props as Labelled;
    return (
      <Field label={label} htmlFor={id} error={error} hint={hint}>
        <Control {...(rest as P)} id={id} ref={ref} />
      </Field>
    );
  });
  C.displayName = name;
  return C;
}

/** A labelled input; the rest of its props go to the input. */
export const InputField = labelled<HTMLInputElement, React.InputHTMLAttributes<HTMLInputElement>>(
  Input,
  'InputField',
);

/** A labelled number input: the phone shows digits (with a point when `step` is fractional). */
export const NumberField = forwardRef<
  HTMLInputElement,
  Labelled & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'inputMode'>
>(function NumberField(props, ref) {
  const decimal = props.step !== undefined && !Number.isInteger(Number(props.step));
  return <InputField ref={ref} type="number" inputMode={decimal ? 'decimal' : 'numeric'} {...props} />;
});

/** A labelled text area, as `InputField`. */
export const TextareaField = labelled<HTMLTextAreaElement, React.TextareaHTMLAttributes<HTMLTextAreaElement>>(
  Textarea,
  'TextareaField',
);

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
export const SelectField = labelled<HTMLSelectElement, React.SelectHTMLAttributes<HTMLSelectElement>>(
  Select,
  'SelectField',
);
