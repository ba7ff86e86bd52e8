// Builds every runnable piece with esbuild: remark and its plugins are ESM-only, while the CLI
// bin, the VS Code extension host and mocha's test runner all load CommonJS most reliably.
// Type checking is separate (`npm run typecheck`); esbuild only strips types.
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

const production = process.argv.includes('--production');

function testEntries(dir, suffix = '.test.ts') {
  const entries = [];
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return entries;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) entries.push(...testEntries(path, suffix));
    else if (name.endsWith(suffix)) entries.push(path);
  }
  return entries;
}

// A renamed or deleted source must not leave its old bundle behind (a stale test would still run).
for (const dir of ['dist', 'out/test', 'out/bench']) rmSync(dir, { recursive: true, force: true });

await Promise.all([
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.cjs' }),
  build({ ...common, entryPoints: ['src/node/index-worker.ts'], outfile: 'dist/index-worker.cjs' }),
  build({ ...common, entryPoints: ['src/node/engine-worker.ts'], outfile: 'dist/engine-worker.cjs', minify: production, sourcemap: !production && 'linked' }),
  build({ ...common, entryPoints: ['bench/run.ts'], outfile: 'out/bench/run.js' }),
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'], minify: production, sourcemap: !production && 'linked' }),
  build({
    ...common,
    entryPoints: ['test/integration/index.ts', ...testEntries('test/integration', '.spec.ts')],
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    external: ['vscode', 'mocha'],
  }),
  build({ ...common, entryPoints: ['test/scale/index.ts'], outfile: 'out/test/scale/index.js', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: testEntries('test/unit'),
    outdir: 'out/test/unit',
    outbase: 'test/unit',
    // playwright-core finds its own files at run time: it is loaded from node_modules, not bundled.
    external: ['mocha', 'playwright-core'],
  }),
]);
