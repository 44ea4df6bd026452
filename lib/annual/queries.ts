import 'server-only';
import { db } from '../db';
import type { Db } from '../db/client';
import { ForbiddenError } from '../errors';
import type { Subject } from '../policy';
import { orgScope } from '../policy';
import { DEFAULT_WEIGHTS, weightsValid, type Weights } from './rules';

export async function latestResultsFor(user: Subject, year: number, client: Db = db) {
  const s = orgScope(user, 'annual.compute');
  if (!s.all && !s.pathPrefixes.length) throw new ForbiddenError();
  const c = await client.annualComputation.findFirst({
    where: { year, ...(s.all ? {} : { orgPath: { in: s.pathPrefixes } }) },
    orderBy: { computedAt: 'desc' },
  });
  if (!c) return null;
  const results = await client.annualResult.findMany({
    where: { computationId: c.id },
    include: { org: { select: { name: true } } },
    orderBy: [{ peerGroup: 'asc' }, { rank: 'asc' }],
  });
  return { computation: c, results };
}

export async function currentWeightsNow(client: Db = db): Promise<Weights> {
  const s = await client.setting.findUnique({ where: { key: 'annual.weights' } });
  const v = s?.value as Weights | undefined;
  return v && weightsValid(v) ? v : DEFAULT_WEIGHTS;
}
