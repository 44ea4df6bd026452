import { indexedFileRoute } from '@/lib/files/indexed-route';
import { visitPhotoFor } from '@/lib/learning/queries';

export const dynamic = 'force-dynamic';

/** A demonstration-site visit's photo, to anyone who may read learning content. */
export const GET = indexedFileRoute(visitPhotoFor);
