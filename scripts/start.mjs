#!/usr/bin/env node
// `npm start`: builds and packs the extension, installs code-server into .cache/ if missing,
// installs the .vsix into it and serves the example workspace on 127.0.0.1. Ctrl+C stops it.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageExtension } from './package.mjs';
import { CODE_SERVER, ROOT, startCodeServer } from './vscode-server.mjs';

execFileSync('bash', [join(ROOT, 'scripts/install-vscode.sh')], { stdio: 'inherit' });
const { file, bytes } = packageExtension();
console.log(`Packed ${file} (${(bytes / 1024).toFixed(0)} KB)`);
const work = join(ROOT, '.cache', 'start');
const extensionsDir = join(work, 'extensions');
mkdirSync(extensionsDir, { recursive: true });
execFileSync(CODE_SERVER, ['--extensions-dir', extensionsDir, '--install-extension', file, '--force'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, XDG_CONFIG_HOME: join(work, 'xdg-config'), XDG_DATA_HOME: join(work, 'xdg-data') },
});
const port = Number(process.env.PORT ?? 8080);
const server = await startCodeServer({ workDir: work, port, extensionsDir, trust: true });
const examples = join(ROOT, 'examples');
console.log(`\nMeetings as Code is running on the example workspace:\n\n  http://${server.host}/?folder=${encodeURIComponent(examples)}\n\nPress Ctrl+C to stop.`);
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
