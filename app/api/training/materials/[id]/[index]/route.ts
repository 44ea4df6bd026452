import { indexedFileRoute } from '@/lib/files/indexed-route';
import { trainingMaterialFor } from '@/lib/training/queries';

export const dynamic = 'force-dynamic';

/** A training class's material, to anyone who may read learning content. */
export const GET = indexedFileRoute(trainingMaterialFor);
