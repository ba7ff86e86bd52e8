// `String.prototype.matchAll` copies its regex on every call (a new RegExp through the species
// constructor), which showed in profiles of code that calls it for each action item.

/** Every match of a global `pattern` in `text`, as `[...text.matchAll(pattern)]` gives them. */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`allMatches needs a global regex: ${String(pattern)}`); // as matchAll; `exec` would find the first match for ever
  const unicode = pattern.unicode || pattern.flags.includes('v');
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    matches.push(match);
    // An empty match moves on by one character (a code point under the `u` flag), as matchAll does.
    if (match[0] === '') pattern.lastIndex += unicode && (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  return matches; // `exec` left `lastIndex` at 0 when it found no more
}
