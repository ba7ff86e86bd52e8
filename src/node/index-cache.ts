// The workspace index on disk: one file per workspace root, keyed by each file's path, size and
// modification time (and the configuration's fingerprint). A warm start re-reads only what changed.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { IndexRecord } from './index-record';

const FORMAT = 1;

interface CacheFile {
  format: number;
  engine: string;
  records: IndexRecord[];
}

export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'meetings-as-code');
}

export class IndexCache {
  private readonly file: string;

  /** `engine` changes whenever parsing may give other results (version, configuration). */
  constructor(
    root: string,
    private readonly engine: string,
    dir = defaultCacheDir(),
  ) {
    this.file = join(dir, `${createHash('sha1').update(root).digest('hex').slice(0, 16)}.bin`);
  }

  /** Records by path; empty when there is no usable cache (missing, corrupt, other engine). */
  load(): Map<string, IndexRecord> {
    try {
      const cached = deserialize(readFileSync(this.file)) as CacheFile;
      if (cached.format !== FORMAT || cached.engine !== this.engine || !Array.isArray(cached.records)) return new Map();
      return new Map(cached.records.map((record) => [record.path, record]));
    } catch {
      return new Map();
    }
  }

  /** Writes atomically (temp file, then rename), so a crash never leaves half a cache. */
  save(records: Iterable<IndexRecord>): void {
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, serialize({ format: FORMAT, engine: this.engine, records: [...records] } satisfies CacheFile));
      renameSync(temp, this.file);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}
