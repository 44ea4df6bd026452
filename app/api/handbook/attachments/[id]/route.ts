import { fileRoute } from '@/lib/files/file-route';
import { attachmentFileFor } from '@/lib/handbook/queries';

export const dynamic = 'force-dynamic';

/** A template or worked example, as a download under its original name (never rendered inline). */
export const GET = fileRoute((user, p) => attachmentFileFor(user, p.id));
