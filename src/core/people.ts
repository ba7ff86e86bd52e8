// Resolving written names to people: attendees and the roster, aliases, and the longest known
// name at the start of a CJK run ("@李四负责" is 李四).
import type { Person } from './config';

export interface Resolution {
  name: string;
  /** How many characters of the written name the match used. */
  length: number;
}

const LATIN_WORD_CHAR = /[\p{Script=Latin}\p{N}_]/u;
/** What may continue a Latin name: `bob-li` and `bob.li` are not `bob`. */
const LATIN_NAME_CONTINUATION = /[\p{Script=Latin}\p{N}_.\-·]/u;

export class PeopleIndex {
  private readonly canonical = new Map<string, string>();
  private readonly byLength: string[];
  private readonly withSpaces: string[];

  constructor(attendees: readonly string[], roster: readonly Person[]) {
    for (const person of roster) {
      this.add(person.name, person.name);
      for (const alias of person.aliases) this.add(alias, person.name);
    }
    for (const attendee of attendees) {
      // An attendee written by an alias is the roster person.
      if (!this.canonical.has(attendee.toLowerCase())) this.add(attendee, attendee);
    }
    this.byLength = [...this.canonical.keys()].sort((a, b) => b.length - a.length);
    this.withSpaces = this.byLength.filter((name) => /\s/u.test(name));
  }

  get size(): number {
    return this.canonical.size;
  }

  /** The canonical name for an attendee or roster entry as written. */
  canonicalName(name: string): string {
    return this.canonical.get(name.toLowerCase()) ?? name;
  }

  /**
   * Resolves a written name: exactly (ignoring case), else the longest known name it starts with,
   * provided the match does not end inside a Latin word ("@bobby" is not "bob").
   */
  resolve(written: string): Resolution | null {
    const lower = written.toLowerCase();
    const exact = this.canonical.get(lower);
    if (exact) return { name: exact, length: written.length };
    for (const known of this.byLength) {
      if (known.length >= lower.length || !lower.startsWith(known)) continue;
      const last = known[known.length - 1]!;
      const next = written[known.length]!;
      if (LATIN_WORD_CHAR.test(last) && LATIN_NAME_CONTINUATION.test(next)) continue;
      return { name: this.canonical.get(known)!, length: known.length };
    }
    return null;
  }

  /** Known names that contain spaces, longest first (`owner: Alice Chen`). */
  multiWordNames(): readonly string[] {
    return this.withSpaces;
  }

  private add(written: string, name: string): void {
    const key = written.trim().toLowerCase();
    if (key) this.canonical.set(key, name);
  }
}
