/**
 * A form's submit handler that keeps the page where it is and hands `handle` what the form holds (and the form,
 * to clear it after).
 */
export function onFormSubmit(handle: (fd: FormData, form: HTMLFormElement) => void) {
  return (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    handle(new FormData(e.currentTarget), e.currentTarget);
  };
}

/** The same, handing the form's text fields by name. */
export const onFormValues = (handle: (values: Record<string, string>, fd: FormData) => void) =>
  onFormSubmit((fd) => handle(Object.fromEntries(fd) as Record<string, string>, fd));
