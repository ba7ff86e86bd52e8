// The workspace index on disk, per workspace root: every file's path, size and modification time
// (and the configuration's fingerprint), and its encoded record. A warm start re-reads only what
// changed.
//
// Two files: `<root>.bin`, the table of paths, sizes, times and byte ranges, small and read at
// every start; `<root>.records`, every record as UTF-8, read only when a record is asked for.
// Both carry the same random token, so a table never serves records from another write.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { IndexEntry } from './index-record';

const FORMAT = 4; // 4: each action's parent
const TOKEN_BYTES = 16;

interface CacheTable {
  format: number;
  engine: string;
  token: string;
  paths: string[];
  sizes: Float64Array;
  mtimes: Float64Array;
  /** End offset of each record in the records file (after the token); each starts where the one before ended. */
  ends: Float64Array;
}

export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'meetings-as-code');
}

export class IndexCache {
  private readonly tableFile: string;
  private readonly recordsFile: string;

  /** `engine` changes whenever parsing may give other results (version, configuration). */
  constructor(
    root: string,
    private readonly engine: string,
    dir = defaultCacheDir(),
  ) {
    const name = createHash('sha1').update(root).digest('hex').slice(0, 16);
    this.tableFile = join(dir, `${name}.bin`);
    this.recordsFile = join(dir, `${name}.records`);
  }

  /**
   * Entries by path; empty when there is no usable cache (missing, corrupt, other engine or
   * format). A records file that turns out damaged when first read throws from `record()`;
   * `load` checks what it can up front so that does not happen in practice.
   */
  load(): Map<string, IndexEntry> {
    const entries = new Map<string, IndexEntry>();
    try {
      const table = deserialize(readFileSync(this.tableFile)) as CacheTable;
      if (table.format !== FORMAT || table.engine !== this.engine || !Array.isArray(table.paths)) return entries;
      const { paths, sizes, mtimes, ends } = table;
      if (sizes.length !== paths.length || mtimes.length !== paths.length || ends.length !== paths.length) return entries;
      const records = this.recordsReader(table.token, TOKEN_BYTES + (ends[ends.length - 1] ?? 0));
      if (!records.plausible()) return entries;
      let start = TOKEN_BYTES;
      for (let i = 0; i < paths.length; i++) {
        const end = TOKEN_BYTES + ends[i]!;
        entries.set(paths[i]!, IndexEntry.encoded(paths[i]!, sizes[i]!, mtimes[i]!, { bytes: records.bytes, start, end }));
        start = end;
      }
      return entries;
    } catch {
      return new Map();
    }
  }

  /** Writes atomically (temp files, then rename: records first, table last). */
  save(entries: readonly IndexEntry[]): void {
    try {
      const token = randomBytes(TOKEN_BYTES);
      const chunks = entries.map((entry) => entry.bytes());
      const ends = new Float64Array(entries.length);
      let offset = 0;
      chunks.forEach((chunk, i) => (ends[i] = offset += chunk.length));
      const table = serialize({
        format: FORMAT,
        engine: this.engine,
        token: token.toString('hex'),
        paths: entries.map((entry) => entry.path),
        sizes: Float64Array.from(entries, (entry) => entry.size),
        mtimes: Float64Array.from(entries, (entry) => entry.mtimeMs),
        ends,
      } satisfies CacheTable);
      mkdirSync(join(this.tableFile, '..'), { recursive: true });
      const suffix = `.${process.pid}.tmp`;
      writeFileSync(this.recordsFile + suffix, Buffer.concat([token, ...chunks]));
      writeFileSync(this.tableFile + suffix, table);
      renameSync(this.recordsFile + suffix, this.recordsFile);
      renameSync(this.tableFile + suffix, this.tableFile);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }

  /** The records file, read once when first needed, checked against the table's token and length. */
  private recordsReader(token: string, length: number): { bytes: () => Buffer; plausible: () => boolean } {
    let bytes: Buffer | null = null;
    const read = (): Buffer => {
      if (bytes) return bytes;
      const data = readFileSync(this.recordsFile);
      if (data.length !== length || data.toString('hex', 0, TOKEN_BYTES) !== token) throw new Error(`${this.recordsFile}: the index cache changed while it was read`);
      return (bytes = data);
    };
    return {
      bytes: read,
      // Without reading it: the file exists and has the length the table expects.
      plausible: () => {
        try {
          return statSize(this.recordsFile) === length;
        } catch {
          return false;
        }
      },
    };
  }
}

function statSize(path: string): number {
  return statSync(path).size;
}
