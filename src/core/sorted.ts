// Binary search in sorted lists: the tree's groups and the index's series are kept sorted as
// files change instead of being sorted again.

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
