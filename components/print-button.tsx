'use client';
import { Button } from '@/components/ui/button';

/** Prints the page (the portal header and anything marked no-print stay off the paper). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" className="no-print" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
