/** A form's submit handler that keeps the page where it is and hands `handle` what the form holds. */
export function onFormSubmit(handle: (fd: FormData) => void) {
  return (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    handle(new FormData(e.currentTarget));
  };
}
