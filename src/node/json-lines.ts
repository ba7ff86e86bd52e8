// The editor's cache files: a header line naming the format and the engine that wrote them, then
// one JSON value per line. Reading parses a line at a time and can yield between lines: one
// JSON.parse of a whole cache would hold the extension host for a quarter of a second at 10,000
// meetings. Writing goes to a temporary file that is then renamed, so a reader sees the old file
// or the new one, never a half-written one.
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface JsonLinesFile {
  file: string;
  /** Changes whenever what the lines mean changes. */
  format: number;
  /** The code that wrote the lines (version and build): lines written by another one are ignored. */
  engine: string;
}

/**
 * Each line's value in the order written (`takeTurn` is awaited between lines); none when the file
 * is missing or its header is not this format and engine. A damaged line is skipped.
 */
export async function* readJsonLines({ file, format, engine }: JsonLinesFile, takeTurn: () => Promise<void>): AsyncGenerator<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return; // none yet
  }
  let start = 0;
  let header = true;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    const line = bytes.toString('utf8', start, end);
    start = end + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (header) return;
      continue; // a damaged line costs only itself
    }
    if (header) {
      header = false;
      const written = (value ?? {}) as { format?: unknown; engine?: unknown };
      if (written.format !== format || written.engine !== engine) return;
      continue;
    }
    yield value;
    await takeTurn();
  }
}

/**
 * Writes the header and one line per value to a new file, then puts it in place. `takeTurn` is
 * awaited between lines. One writer at a time (the caller's): the temporary file has a fixed
 * name, so one left by a killed process is reused.
 */
export async function writeJsonLines({ file, format, engine }: JsonLinesFile, values: Iterable<unknown>, takeTurn: () => Promise<void>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    let chunk = JSON.stringify({ format, engine }) + '\n';
    for (const value of values) {
      chunk += JSON.stringify(value) + '\n';
      if (chunk.length > 1 << 20) {
        await handle.write(chunk);
        chunk = '';
      }
      await takeTurn();
    }
    await handle.write(chunk);
    await handle.close();
    await rename(temporary, file);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}

/** How one kind of cache writes a line as a JSON value, and reads it back (null: a damaged line). */
export interface LineForm<Line, Read> {
  format: number;
  row(line: Line): unknown;
  read(value: unknown): Read | null;
}

/** A cache file of one kind of line (see `LineForm`), written and read as above. */
export class JsonLinesCache<Line, Read> {
  /**
   * `engine` names the code that wrote the lines (version and build): a file written by another
   * one is ignored, since it may have read the same files differently.
   */
  constructor(
    readonly file: string,
    private readonly engine: string,
    private readonly form: LineForm<Line, Read>,
  ) {}

  /** The saved lines in order, parsed a line at a time (`takeTurn` between lines); none without a usable file. Damaged lines are skipped. */
  async *entries(takeTurn: () => Promise<void>): AsyncGenerator<Read> {
    for await (const value of readJsonLines(this.layout(), takeTurn)) {
      const read = this.form.read(value);
      if (read) yield read;
    }
  }

  /** Writes every line to a new file, then puts it in place (see `writeJsonLines`). */
  async save(lines: Iterable<Line>, takeTurn: () => Promise<void>): Promise<void> {
    const { row } = this.form;
    await writeJsonLines(this.layout(), (function* () {
      for (const line of lines) yield row(line);
    })(), takeTurn);
  }

  private layout(): JsonLinesFile {
    return { file: this.file, format: this.form.format, engine: this.engine };
  }
}
