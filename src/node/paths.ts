import { relative, sep } from 'node:path';

/** `/`-separated form of a native path. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Path relative to `cwd`, `/`-separated, as the CLI prints it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return toPosix(rel === '' ? '.' : rel);
}
