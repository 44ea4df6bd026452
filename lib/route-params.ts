import 'server-only';
import { notFound } from 'next/navigation';
import { pageNumber } from '@/lib/search-params';
import { z } from 'zod';

/**
 * The one guard for dynamic route parameters. Each parameter's shape follows from its name — `id` is a UUID,
 * `index` a file's position, `number` an article number — so `/self-checks/not-a-uuid` or
 * `/orgs/' or 1=1` never reach a query (PostgreSQL would refuse the cast with a 500): a page shows its 404,
 * a route handler answers 404.
 */
const SHAPES = {
  id: z.uuid(),
  index: z.coerce.number().int().min(0).max(999),
  number: z.coerce.number().int().min(1).max(9999),
  // A company sign-in's own routes (/api/sso/…): the three it runs itself (OIDC goes through next-auth).
  provider: z.enum(['wecom', 'dingtalk', 'feishu']),
} as const;
type Name = keyof typeof SHAPES;
type Parsed<K extends Name> = { [k in K]: z.output<(typeof SHAPES)[k]> };

export function parseRouteParams<K extends Name>(raw: Record<K, string>): Parsed<K> | null {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw) as [K, string][]) {
    const shape = SHAPES[name];
    if (!shape) return null;
    const r = shape.safeParse(value);
    if (!r.success) return null;
    out[name] = r.data;
  }
  return out as Parsed<K>;
}

/** For pages: the parsed parameters, or the 404 page. */
export async function pageParams<K extends Name>(params: Promise<Record<K, string>>): Promise<Parsed<K>> {
  const parsed = parseRouteParams(await params);
  if (!parsed) notFound();
  return parsed;
}

/** For route handlers: the parsed parameters, or null (answer 404). */
export async function handlerParams<K extends Name>(
  params: Promise<Record<K, string>>,
): Promise<Parsed<K> | null> {
  return parseRouteParams(await params);
}

export const notFoundResponse = () => Response.json({ error: 'not found' }, { status: 404 });

/** A record's page that lists something of it a page at a time (`/announcements/[id]?page=`). */
export type PagedRecordProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ page?: string }>;
};

/** The record's id (or the 404 page) and the list's page from the address. */
export async function pagedRecord({ params, searchParams }: PagedRecordProps) {
  const [{ id }, { page }] = await Promise.all([pageParams(params), searchParams]);
  return { id, page: pageNumber(page) };
}
