// npm run bundle:check — after `next build`: every route's first-load JavaScript ≤ 180 kB gzip.
// Prints the largest routes and the median; fails naming each route over the budget and its size.
import { BUDGET_KB, kb, overBudget, routeSizes } from './lib/bundle-budget';

const sizes = await routeSizes(process.cwd());
const median = kb(sizes[Math.floor(sizes.length / 2)]!.gzipBytes);
console.log(`first-load JavaScript, gzip (budget ${BUDGET_KB} kB per route; ${sizes.length} routes):`);
for (const s of sizes.slice(0, 8)) console.log(`  ${kb(s.gzipBytes).toFixed(1).padStart(6)} kB  ${s.route}`);
console.log(`  median ${median.toFixed(1)} kB, smallest ${kb(sizes.at(-1)!.gzipBytes).toFixed(1)} kB`);
const over = overBudget(sizes);
for (const s of over)
  console.error(
    `✖ ${s.route}: ${kb(s.gzipBytes).toFixed(1)} kB of first-load JavaScript (budget ${BUDGET_KB} kB)`,
  );
process.exit(over.length ? 1 : 0);
