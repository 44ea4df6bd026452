import type { Db, Tx } from '../db/client';
import type { PartyPost } from '../people/rules';
import type { RosterPerson } from './rules';

/** A sub-branch's secretary and deputy sit on the 党总支's committee. */
const GENERAL_BRANCH_POSTS: readonly PartyPost[] = ['SECRETARY', 'DEPUTY_SECRETARY'];

/**
 * The people a meeting of `org` on `day` is about: for a party group its members; for a 党总支 every member of
 * its branches (its 党员大会), with the branches' secretaries as its committee; otherwise everyone whose 组织关系
 * is the unit (members of its meetings) and those only working there (who may attend, without a vote). People
 * who had left, or were not yet 党员 on the day, attend without being counted.
 */
export async function loadRoster(
  client: Db | Tx,
  org: { id: string; type: string; path: string },
  day: string,
): Promise<(RosterPerson & { name: string; userId: string | null })[]> {
  const group = org.type === 'PARTY_GROUP';
  const general = org.type === 'GENERAL_BRANCH';
  const rows = await client.person.findMany({
    where: {
      AND: [
        group
          ? { partyGroupId: org.id }
          : general
            ? { org: { path: { startsWith: org.path } } }
            : { OR: [{ orgId: org.id }, { workOrgId: org.id }] },
        { OR: [{ leftOn: null }, { leftOn: { gt: new Date(`${day}T00:00:00Z`) } }] },
      ],
    },
    select: {
      id: true,
      name: true,
      userId: true,
      status: true,
      posts: true,
      orgId: true,
      admittedOn: true,
      fullOn: true,
    },
    orderBy: [{ name: 'asc' }],
  });
  return rows.map((p) => {
    const admitted = !p.admittedOn || p.admittedOn.toISOString().slice(0, 10) <= day;
    const member = (group || general || p.orgId === org.id) && admitted;
    return {
      id: p.id,
      name: p.name,
      userId: p.userId,
      status: p.status,
      posts: general ? p.posts.filter((x) => GENERAL_BRANCH_POSTS.includes(x)) : p.posts,
      member,
      inGroup: member,
      fullOn: p.fullOn?.toISOString().slice(0, 10) ?? null,
    };
  });
}
