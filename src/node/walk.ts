// Finding Markdown files under the paths given on the command line.
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fsErrorReason, reasonText, type FileReason } from './file-reason';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);

/** A path given on the command line that cannot be used; `reason` says why in either language. */
export class PathError extends Error {
  constructor(
    readonly given: string,
    readonly reason: FileReason,
  ) {
    super(`${given}: ${reasonText(reason, 'en')}`);
  }
}

export function isMarkdownPath(path: string): boolean {
  return MARKDOWN_EXTENSIONS.has(extname(path).toLowerCase());
}

/**
 * Markdown files under `paths`, sorted, each once. A path named explicitly is taken whatever its
 * extension; symbolic links to folders are not followed (no loops, no escaping the workspace).
 */
export function findMarkdownFiles(paths: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const given of paths) {
    const path = resolve(cwd, given);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      throw new PathError(given, fsErrorReason(error));
    }
    if (stats.isDirectory()) walk(path, found);
    // A FIFO or a device would block the read, or never end it.
    else if (!stats.isFile()) throw new PathError(given, { id: 'not-regular' });
    else found.add(path);
  }
  return [...found].sort();
}

function walk(dir: string, found: Set<string>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folders are skipped, as git and ripgrep do
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path, found);
    } else if ((entry.isFile() || (entry.isSymbolicLink() && isFileLink(path))) && isMarkdownPath(entry.name)) {
      found.add(path);
    }
  }
}

function isFileLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The reason in English (the editor's log). */
export function describeFsError(error: unknown): string {
  return reasonText(fsErrorReason(error), 'en');
}
