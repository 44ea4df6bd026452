'use client';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { readAnnouncementAction } from '@/lib/announcements/actions';

/** Opening the announcement is reading it: the receipt is recorded once, from the reader's browser. */
export function MarkRead({ id }: { id: string }) {
  const router = useRouter();
  useEffect(() => {
    readAnnouncementAction({ id }).then((r) => r.ok && router.refresh());
  }, [id, router]);
  return null;
}
