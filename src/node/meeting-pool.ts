// The meetings a command can see for series look-ups: every meeting file under the paths it was
// given, and for a file named on the command line, the other meeting files of its folder. Each
// file is read and parsed once; those only needed for look-ups are read on first use.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { previousInSortedSeries, sortSeries, type Meeting, type SeriesEntry } from '../core';
import type { ConfigLoader } from './config-loader';
import { loadFile, type LoadedFile } from './meeting-files';
import { isMarkdownPath } from './walk';

export class MeetingPool {
  private readonly loaded = new Map<string, LoadedFile>();
  private entries: SeriesEntry[] | null = null;
  private bySeries: Map<string, SeriesEntry[]> | null = null;

  /**
   * @param files the files the command works on (absolute paths)
   * @param given the paths as given on the command line, relative to `cwd`
   */
  constructor(
    private readonly configs: ConfigLoader,
    private readonly files: readonly string[],
    given: readonly string[],
    cwd: string,
  ) {
    this.folders = given
      .map((path) => resolve(cwd, path))
      .filter((path) => {
        try {
          return statSync(path).isFile();
        } catch {
          return false;
        }
      })
      .map((path) => dirname(path));
  }

  private readonly folders: string[];

  /** Reads and parses a file once. */
  load(path: string): LoadedFile {
    let loaded = this.loaded.get(path);
    if (!loaded) this.loaded.set(path, (loaded = loadFile(path, this.configs)));
    return loaded;
  }

  /** Every meeting the look-ups can see. */
  seriesEntries(): SeriesEntry[] {
    if (this.entries) return this.entries;
    const paths = new Set(this.files);
    for (const folder of this.folders) {
      let names: string[] = [];
      try {
        names = readdirSync(folder);
      } catch {
        continue;
      }
      for (const name of names) {
        const path = join(folder, name);
        if (!isMarkdownPath(name)) continue;
        try {
          if (statSync(path).isFile()) paths.add(path);
        } catch {
          // gone or unreadable: not needed for look-ups
        }
      }
    }
    this.entries = [];
    for (const path of [...paths].sort()) {
      const loaded = this.load(path);
      if (loaded.kind === 'meeting') this.entries.push({ key: path, meeting: loaded.meeting });
    }
    return this.entries;
  }

  /** The previous meeting of the series of the meeting in `path`. */
  previousOf(path: string, meeting: Meeting): SeriesEntry | null {
    const series = meeting.fields.series;
    if (!series || !meeting.fields.date) return null;
    // Each series ordered once: a look-up per file must not scan every meeting (10,000 files).
    if (!this.bySeries) {
      this.bySeries = new Map();
      for (const entry of this.seriesEntries()) {
        const name = entry.meeting.fields.series;
        if (!name) continue;
        const members = this.bySeries.get(name);
        if (members) members.push(entry);
        else this.bySeries.set(name, [entry]);
      }
      for (const [name, members] of this.bySeries) this.bySeries.set(name, sortSeries(members));
    }
    return previousInSortedSeries(this.bySeries.get(series) ?? [], { key: path, meeting });
  }
}
