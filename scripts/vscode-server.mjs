// Starts the code-server installed by scripts/install-vscode.sh (VS Code's own workbench with a
// Node extension host) on 127.0.0.1, with its own profile folders so nothing touches the user's.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const CODE_SERVER = join(ROOT, '.cache/code-server/node_modules/.bin/code-server');

export function freePort() {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/**
 * @param {{ workDir?: string, port?: number, trust?: boolean, extensionsDir?: string, settings?: object, env?: object, log?: (line: string) => void }} options
 */
export async function startCodeServer(options = {}) {
  if (!existsSync(CODE_SERVER)) throw new Error('code-server is not installed: run scripts/install-vscode.sh');
  const work = options.workDir ?? mkdtempSync(join(tmpdir(), 'meetings-vscode-'));
  const userData = join(work, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'never',
      'extensions.autoCheckUpdates': false,
      'telemetry.telemetryLevel': 'off',
      'git.openRepositoryInParentFolders': 'never',
      ...options.settings,
    }),
  );
  const port = options.port ?? (await freePort());
  const host = `127.0.0.1:${port}`;
  const args = [
    '--bind-addr', host,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir', userData,
    '--extensions-dir', options.extensionsDir ?? join(work, 'extensions'),
    '--config', join(work, 'config.yaml'),
  ];
  if (options.trust !== false) args.push('--disable-workspace-trust');
  const child = spawn(CODE_SERVER, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      EXTENSIONS_GALLERY: '{"serviceUrl":""}',
      XDG_CONFIG_HOME: join(work, 'xdg-config'),
      XDG_DATA_HOME: join(work, 'xdg-data'),
      XDG_CACHE_HOME: join(work, 'xdg-cache'),
      ...options.env,
    },
  });
  const output = [];
  const collect = (data) => {
    const text = String(data);
    output.push(text);
    options.log?.(text);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  await new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`code-server did not start in 60 s:\n${output.join('')}`)), 60_000);
    child.stdout.on('data', () => {
      if (output.join('').includes('HTTP server listening')) {
        clearTimeout(timer);
        ready();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`code-server exited with ${code}:\n${output.join('')}`));
    });
  });
  return {
    host,
    work,
    output,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function workbenchUrl(host, folder, payload) {
  const query = [`folder=${encodeURIComponent(folder)}`];
  if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `http://${host}/?${query.join('&')}`;
}

/** Newer workbenches honour the test payload only with the smoke-test driver enabled. */
export function enableTestDriver() {
  const patch = (element) => {
    try {
      const settings = JSON.parse(element.getAttribute('data-settings'));
      settings.developmentOptions = { ...settings.developmentOptions, enableSmokeTestDriver: true };
      element.setAttribute('data-settings', JSON.stringify(settings));
      element.__patched = true;
    } catch (error) {
      console.error('could not enable the test driver', error);
    }
  };
  new MutationObserver((_mutations, observer) => {
    const element = document.getElementById('vscode-workbench-web-configuration');
    if (element && !element.__patched) {
      patch(element);
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}
