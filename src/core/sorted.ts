// Sorted lists kept sorted as files change, instead of being sorted again: binary search, and a
// list in blocks for the tree's groups, which may hold 100,000 actions.

/** The first position in `list` (sorted by `compare`) whose element does not come before `item`. */
export function lowerBound<T, U>(list: readonly T[], item: U, compare: (element: T, item: U) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle]!, item) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** What reading a sorted list needs; a plain array is one too. */
export interface ReadonlySortedList<T> extends Iterable<T> {
  readonly length: number;
  /** Like `Array.prototype.slice`, negative positions included. */
  slice(start?: number, end?: number): T[];
}

/** Blocks are split when they grow past this: putting in or taking out an element moves at most this many. */
const MAX_BLOCK = 1024;

/**
 * A list kept sorted by `compare`, in blocks. Putting an element in or taking one out costs a
 * binary search and a move within one block, where one array of 100,000 elements would move
 * (and, copied, write) them all: 2 ms a change on a loaded machine. Elements must be distinct
 * under `compare`.
 */
export class SortedList<T> implements ReadonlySortedList<T> {
  private blocks: T[][] = [];
  private count = 0;

  constructor(private readonly compare: (a: T, b: T) => number) {}

  /** A list of `items`, which must already be sorted. */
  static of<T>(sortedItems: readonly T[], compare: (a: T, b: T) => number): SortedList<T> {
    const list = new SortedList(compare);
    for (let at = 0; at < sortedItems.length; at += MAX_BLOCK / 2) list.blocks.push(sortedItems.slice(at, at + MAX_BLOCK / 2));
    list.count = sortedItems.length;
    return list;
  }

  get length(): number {
    return this.count;
  }

  insert(item: T): void {
    if (this.blocks.length === 0) {
      this.blocks.push([item]);
      this.count = 1;
      return;
    }
    const index = Math.min(this.blockOf(item), this.blocks.length - 1);
    const block = this.blocks[index]!;
    block.splice(lowerBound(block, item, this.compare), 0, item);
    this.count++;
    if (block.length > MAX_BLOCK) this.blocks.splice(index, 1, block.slice(0, block.length >> 1), block.slice(block.length >> 1));
  }

  /** Takes `item` itself out; false when it is not in the list. */
  remove(item: T): boolean {
    const index = this.blockOf(item);
    const block = this.blocks[index];
    if (!block) return false;
    const at = lowerBound(block, item, this.compare);
    if (block[at] !== item) return false;
    block.splice(at, 1);
    this.count--;
    if (block.length === 0) this.blocks.splice(index, 1);
    return true;
  }

  slice(start = 0, end = this.count): T[] {
    const from = start < 0 ? Math.max(0, this.count + start) : Math.min(start, this.count);
    const to = end < 0 ? Math.max(0, this.count + end) : Math.min(end, this.count);
    const result: T[] = [];
    let offset = 0;
    for (const block of this.blocks) {
      if (offset >= to) break;
      const next = offset + block.length;
      if (next > from) result.push(...block.slice(Math.max(0, from - offset), to - offset));
      offset = next;
    }
    return result;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const block of this.blocks) yield* block;
  }

  /** The first block whose last element does not come before `item` (the block count if none). */
  private blockOf(item: T): number {
    let low = 0;
    let high = this.blocks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const block = this.blocks[middle]!;
      if (this.compare(block[block.length - 1]!, item) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
