import 'server-only';
import { notFound } from 'next/navigation';
import { getSessionUser } from './auth/current-user';
import { refuse } from './auth/refusals';
import { ForbiddenError, NotFoundError } from './errors';

/** Runs a page's read; a policy refusal becomes the 403 page (recorded) and a missing record the 404 page. */
export async function load<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof ForbiddenError) await refuse(await getSessionUser());
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}
