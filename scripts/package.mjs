// Builds the production bundle and packs the .vsix (only what runs: see .vscodeignore).
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './vscode-server.mjs';

export function packageExtension(outFile = join(ROOT, '.cache', 'meetings-as-code.vsix')) {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', outFile], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return { file: outFile, bytes: statSync(outFile).size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { file, bytes } = packageExtension(process.argv[2]);
  console.log(`${file}: ${(bytes / 1024).toFixed(0)} KB`);
}
