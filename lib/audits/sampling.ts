/**
 * Reproducible random sampling for spot checks (不定期抽查).
 *
 * Algorithm "mulberry32/es-v1":
 *   1. seed → 32-bit integer by FNV-1a over its UTF-16 code units;
 *   2. mulberry32 from that integer gives u₁, u₂, … in [0, 1);
 *   3. walking the population in its stored order, unit i gets key uᵢ^(1/wᵢ) (Efraimidis–Spirakis
 *      weighted sampling without replacement; all weights 1 = a uniform draw);
 *   4. the `size` largest keys are the sample (ties: earlier in the population first), in key order.
 * Same seed + same ordered population (ids and weights) → same sample, on any machine.
 */
export const DRAW_ALGORITHM = 'mulberry32/es-v1';

export type Candidate = { id: string; weight: number };

export function seedToInt(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function draw(population: readonly Candidate[], size: number, seed: string): string[] {
  const rand = mulberry32(seedToInt(seed));
  const keyed = population.map((c, i) => ({
    id: c.id,
    i,
    key: Math.pow(rand(), 1 / Math.max(c.weight, 1e-6)),
  }));
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  return keyed.slice(0, Math.max(0, Math.min(size, population.length))).map((k) => k.id);
}

/** How many to draw: a fixed size, or a rate of the population rounded up (at least one when any). */
export function sampleSize(populationSize: number, o: { size?: number; rate?: number }): number {
  if (o.size !== undefined) return Math.min(o.size, populationSize);
  const n = Math.ceil(populationSize * (o.rate ?? 0));
  return Math.min(populationSize, Math.max(populationSize ? 1 : 0, n));
}

/**
 * Weight toward units with a worse record: 1, plus up to 1 for a low last audit score (below 80),
 * plus up to 1 for overdue tasks (10 = 1), plus up to 1 for back-fill flags (5 = 1). Rounded to 0.01.
 */
export function historyWeight(h: { lastScore: number | null; overdue: number; flagged: number }): number {
  const score = h.lastScore === null ? 0 : Math.min(1, Math.max(0, (80 - h.lastScore) / 20));
  const w = 1 + score + Math.min(1, h.overdue / 10) + Math.min(1, h.flagged / 5);
  return Math.round(w * 100) / 100;
}

/** One unit's records of the kind, in stored order, and those the unit's last audit's deductions rested on. */
export type UnitPopulation = { orgId: string; ids: string[]; forced: string[] };
export type UnitSample = { orgId: string; drawn: string[]; forced: string[] };

/**
 * The second level (二级抽样): inside each unit, `perUnit` records drawn uniformly from those not already forced in,
 * by the same algorithm with the seed "<seed>:<unit id>", so each unit's draw can be re-run on its own.
 */
export function drawRecords(
  population: readonly UnitPopulation[],
  perUnit: number,
  seed: string,
): UnitSample[] {
  return population.map((u) => {
    const forced = new Set(u.forced);
    const rest = u.ids.filter((id) => !forced.has(id)).map((id) => ({ id, weight: 1 }));
    return { orgId: u.orgId, drawn: draw(rest, perUnit, `${seed}:${u.orgId}`), forced: [...u.forced] };
  });
}
