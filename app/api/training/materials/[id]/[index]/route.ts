import { fileRoute } from '@/lib/files/file-route';
import { trainingMaterialFor } from '@/lib/training/queries';

export const dynamic = 'force-dynamic';

/** A training class's material, to anyone who may read learning content. */
export const GET = fileRoute<{ id: string; index: number }>((user, p) =>
  trainingMaterialFor(user, p.id, p.index),
);
