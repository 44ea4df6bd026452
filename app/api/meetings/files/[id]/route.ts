import { fileRoute } from '@/lib/files/file-route';
import { meetingFileFor } from '@/lib/meetings/queries';

export const dynamic = 'force-dynamic';

/** A meeting record's file (minutes, a photo of the sign-in sheet), to readers of its unit only. */
export const GET = fileRoute((user, p) => meetingFileFor(user, p.id));
