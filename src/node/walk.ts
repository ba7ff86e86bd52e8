// Finding Markdown files under the paths given on the command line.
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);

export class PathError extends Error {}

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
      throw new PathError(`${given}: ${describeFsError(error)}`);
    }
    if (stats.isDirectory()) walk(path, found);
    // A FIFO or a device would block the read, or never end it.
    else if (!stats.isFile()) throw new PathError(`${given}: not a regular file`);
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

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'EEXIST') return (error as NodeJS.ErrnoException).syscall === 'mkdir' ? 'a part of the path is a file, not a folder' : 'already exists';
  if (code === 'ELOOP') return 'a loop of links';
  return (error as Error).message;
}
