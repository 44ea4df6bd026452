import { announcementAttachmentFor } from '@/lib/announcements/queries';
import { fileRoute } from '@/lib/files/file-route';

export const dynamic = 'force-dynamic';

/** An announcement's attachment, only to its recipients and the committee that manages it; always a download. */
export const GET = fileRoute((user, p) => announcementAttachmentFor(user, p.id));
