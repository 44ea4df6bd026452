export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
      data-testid="form-error"
    >
      {message}
    </div>
  );
}
