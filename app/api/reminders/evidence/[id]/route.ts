import { fileRoute } from '@/lib/files/file-route';
import { evidenceFileFor } from '@/lib/reminders/queries';

export const dynamic = 'force-dynamic';

/** Evidence, only to those who may see its task (the unit's own people, or supervisors of its subtree). */
export const GET = fileRoute((user, p) => evidenceFileFor(user, p.id));
