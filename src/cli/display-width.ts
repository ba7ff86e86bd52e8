// How many terminal columns text takes. East Asian Wide and Fullwidth characters and emoji take
// two, combining marks and format characters none. Text is measured per grapheme cluster so that
// ZWJ emoji sequences, flags and keycaps count once.

const ANSI_SGR = /\x1b\[[0-9;]*m/g;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const EMOJI = /\p{Emoji}/u;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

// East Asian Width W and F ranges outside the emoji blocks (emoji are caught by
// Emoji_Presentation, which matches what terminals draw two columns wide).
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2329, 0x232a], // angle brackets
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK punctuation
  [0x3041, 0x33ff], // kana, bopomofo, Hangul compatibility jamo, kanbun, enclosed CJK, compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x16fe0, 0x16fe4],
  [0x16ff0, 0x16ff1],
  [0x17000, 0x18cff], // Tangut, Khitan
  [0x18d00, 0x18d08],
  [0x1aff0, 0x1b2ff], // kana supplements, Nushu
  [0x1f200, 0x1f2ff], // enclosed ideographic supplement
  [0x20000, 0x2fffd], // CJK extensions B–F, compatibility supplement
  [0x30000, 0x3fffd], // CJK extensions G–H
];

function isWide(codePoint: number): boolean {
  for (const [low, high] of WIDE_RANGES) {
    if (codePoint < low) return false;
    if (codePoint <= high) return true;
  }
  return false;
}

function clusterWidth(cluster: string): number {
  if (EMOJI_PRESENTATION.test(cluster)) return 2;
  // U+FE0F asks for emoji presentation of characters that default to text (e.g. ❤️, 1️⃣).
  if (cluster.includes('\ufe0f') && EMOJI.test(cluster)) return 2;
  if (ZERO_WIDTH.test(cluster)) return 0;
  return isWide(cluster.codePointAt(0) ?? 0) ? 2 : 1;
}

const graphemeSegmenter =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : undefined;

function clusters(text: string): string[] {
  if (graphemeSegmenter) return Array.from(graphemeSegmenter.segment(text), (segment) => segment.segment);
  return Array.from(text);
}

/** Terminal columns `text` occupies; ANSI colour codes count as nothing. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const cluster of clusters(text.replace(ANSI_SGR, ''))) width += clusterWidth(cluster);
  return width;
}

/** Pads with spaces on the right up to `width` columns. */
export function padEndToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

const ELLIPSIS = '…';

/** Cuts the end off `text` so it fits in `width` columns, marking the cut with "…". */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let kept = '';
  let used = 0;
  for (const cluster of clusters(text)) {
    const next = clusterWidth(cluster);
    if (used + next > width - 1) break;
    kept += cluster;
    used += next;
  }
  return kept + ELLIPSIS;
}

/** Cuts the start off `text` so it fits in `width` columns (keeps the end of a path visible). */
export function truncateStartToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  const parts = clusters(text);
  let kept = '';
  let used = 0;
  for (let index = parts.length - 1; index >= 0; index--) {
    const next = clusterWidth(parts[index]);
    if (used + next > width - 1) break;
    kept = parts[index] + kept;
    used += next;
  }
  return ELLIPSIS + kept;
}

/**
 * Makes text safe to print on one terminal line: line breaks and tabs become spaces, other
 * control characters (which could move the cursor or inject colour codes) are dropped.
 */
export function singleLine(text: string): string {
  return text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ').replace(CONTROL, '');
}
