// npm start — see scripts/start.ts. This launcher bundles start.ts and the few light modules it imports into one
// plain module (esbuild; packages stay imports) and runs it in this process, without tsx's loader: this process
// keeps the embedded database for as long as the portal runs, and under tsx it held about 70 MB more (the loader
// and its transforms of PGlite's modules: importing PGlite took 44 MB under tsx and 4 MB without). Preparing the
// database still runs under tsx, in a child that exits. PGlite's WebAssembly is compiled by V8's optimizing
// compiler only (no baseline copy kept beside it): about 20 MB less (bench:embedded, 246 → 226 MB after its load).
import { build, stop } from 'esbuild';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';

// Inside the project, so the bundle's package imports resolve from its node_modules. Written under this process's
// own name and renamed into place: two starts of one checkout never read each other's half-written file.
const outfile = path.resolve('node_modules', '.cache', 'wubiao', 'start.mjs');
const written = outfile.replace(/\.mjs$/, `.${process.pid}.mjs`);
await build({
  entryPoints: ['scripts/start.ts'],
  outfile: written,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
await stop();
await rename(written, outfile);
v8.setFlagsFromString('--no-liftoff');
process.setSourceMapsEnabled(true);
await import(pathToFileURL(outfile).href);
