import { fileRoute } from '@/lib/files/file-route';
import { visitPhotoFor } from '@/lib/learning/queries';

export const dynamic = 'force-dynamic';

/** A demonstration-site visit's photo, to anyone who may read learning content. */
export const GET = fileRoute<{ id: string; index: number }>((user, p) => visitPhotoFor(user, p.id, p.index));
