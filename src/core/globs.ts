// Meeting include/exclude globs, each relative to the folder of the config that declared it.
import picomatch from 'picomatch/posix';
import type { GlobRule } from './config';

const matcherCache = new Map<string, (path: string) => boolean>();

function matcher(pattern: string): (path: string) => boolean {
  let match = matcherCache.get(pattern);
  if (!match) {
    // A pattern without a slash matches a file name at any depth, as in .gitignore.
    match = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
    matcherCache.set(pattern, match);
  }
  return match;
}

/** True when the `/`-separated absolute `path` matches one of the rules. */
export function matchesAnyGlob(path: string, rules: readonly GlobRule[]): boolean {
  return rules.some((rule) => {
    const prefix = rule.dir === '' || rule.dir.endsWith('/') ? rule.dir : `${rule.dir}/`;
    if (!path.startsWith(prefix)) return false;
    const relative = path.slice(prefix.length);
    return matcher(rule.pattern.replace(/^\.\//, ''))(relative);
  });
}
