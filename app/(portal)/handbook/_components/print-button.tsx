'use client';

export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print min-h-11 rounded-md border border-stone-300 bg-white px-4 text-sm"
    >
      {label}
    </button>
  );
}
