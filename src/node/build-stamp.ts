import { statSync } from 'node:fs';

/**
 * The size and time of the running bundle: part of a cache's engine id, since a new build may read
 * the same file differently while the version number stays the same.
 */
export function buildStamp(bundle: string = __filename): string {
  try {
    const stats = statSync(bundle);
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return ''; // no stamp: the version alone
  }
}
