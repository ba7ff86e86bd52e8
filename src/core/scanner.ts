// A line scanner for the block structure the engine needs (headings, list items and their first
// paragraph, HTML, code that hides everything inside it), following CommonMark's container rules.
// It does not build inline content, which is where remark spends its time: on meeting notes it is
// an order of magnitude faster. The differential test (test/unit/parsers.test.ts) holds it to
// remark's results on the benchmark corpus and on generated documents.
import { isLoneComment, type BlockHeading, type BlockHtml, type BlockItem, type BlockStructure } from './blocks';

type Container = { kind: 'quote' } | { kind: 'item'; indent: number; item: number };

interface Paragraph {
  start: number;
  end: number;
  /**
   * Where its last line's content starts: a delimiter row under it makes that line a table's
   * header. -1 when that line is indented 4 columns or more (paragraph text, never a header).
   */
  lastLine: number;
  depth: number;
  /** The list item this paragraph is the first child of, or -1. */
  item: number;
}

interface OpenTable {
  depth: number;
}

interface OpenFence {
  char: string;
  length: number;
  depth: number;
}

interface OpenHtml {
  start: number;
  end: number;
  depth: number;
  /** Closes after the line that matches, or before a blank line when null. */
  closer: RegExp | null;
}

const HTML_BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul'
  ).split(' '),
);
const RAW_HTML_OPEN = /^<(?:script|pre|style|textarea)(?:[ \t>]|$)/iu;
const ATX_HEADING = /^(#{1,6})(?:[ \t]+|$)/u;
const FENCE_OPEN = /^(`{3,}|~{3,})/u;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/u;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/u;
const BULLET = /^[-+*](?=[ \t]|$)/u;
const ORDERED = /^(\d{1,9})[.)](?=[ \t]|$)/u;
const OPEN_TAG = /^<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>[ \t]*$/u;
const CLOSE_TAG = /^<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>[ \t]*$/u;
const TASK_BOX = /^\[([ xX])\](?=[ \t]|$)/u;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?$/u;

export function scanBlocks(text: string, skipUntil = 0): BlockStructure {
  const blocks: BlockStructure = { headings: [], items: [], html: [], contentStarts: [] };
  const itemHasFirstChild: boolean[] = [];
  const containers: Container[] = [];
  let paragraph: Paragraph | null = null;
  let fence: OpenFence | null = null;
  let table: OpenTable | null = null;
  let html: OpenHtml | null = null;
  let indentedCodeDepth = -1;
  // micromark treats the first block after indented code (blank lines between included) as an
  // interruption: no list starting at a number other than 1, no empty list item.
  // (only while the code's own containers still match; -1 when not after indented code)
  let afterIndentedCode = -1;

  const innermostItem = (depth = containers.length): number => {
    for (let i = depth - 1; i >= 0; i--) {
      const container = containers[i]!;
      if (container.kind === 'item') return container.item;
    }
    return -1;
  };
  /** Marks the start of a block in the current container: the first child of an item, or top-level content. */
  const blockStarts = (offset: number, isComment = false) => {
    const last = containers[containers.length - 1];
    if (last?.kind === 'item' && !itemHasFirstChild[last.item]) itemHasFirstChild[last.item] = true;
    if (containers.length === 0 && !isComment) blocks.contentStarts.push(offset);
  };
  const closeParagraph = () => {
    if (!paragraph) return;
    if (paragraph.item >= 0) finishTaskParagraph(text, blocks.items[paragraph.item]!, paragraph);
    collectInlineComments(text, paragraph.start, paragraph.end, blocks.html);
    paragraph = null;
  };
  const closeHtml = () => {
    if (!html) return;
    const value = text.slice(html.start, html.end);
    blocks.html.push({ start: html.start, value });
    // Known only now: a block that is nothing but a comment is not content of its section.
    if (html.depth === 0 && !isLoneComment(value)) blocks.contentStarts.push(html.start);
    html = null;
  };
  const closeContainersFrom = (depth: number) => {
    if (paragraph && paragraph.depth > depth) closeParagraph();
    if (table && table.depth > depth) table = null;
    if (fence && fence.depth > depth) fence = null;
    if (html && html.depth > depth) closeHtml();
    if (indentedCodeDepth > depth) indentedCodeDepth = -1;
    if (containers.length > depth) containers.length = depth; // setting the length is a slow path even when unchanged (seen in a profile)
  };

  let lineStart = skipUntil;
  // Line ends found with indexOf (native) for LF and CR separately, each search reused until passed.
  let nextLf = -1;
  let nextCr = text.includes('\r') ? -1 : text.length;
  while (lineStart < text.length) {
    if (nextLf < lineStart) {
      nextLf = text.indexOf('\n', lineStart);
      if (nextLf < 0) nextLf = text.length;
    }
    if (nextCr < lineStart) {
      nextCr = text.indexOf('\r', lineStart);
      if (nextCr < 0) nextCr = text.length;
    }
    const lineEnd = Math.min(nextLf, nextCr);
    let next = lineEnd + 1;
    if (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(next) === 10) next++;

    // Fast path for the commonest line of minutes: prose at the top level. A letter or a CJK
    // character cannot start any block but a paragraph (or a table's header, found on the next line).
    if (containers.length === 0 && fence === null && html === null && table === null && indentedCodeDepth < 0 && startsProse(text.charCodeAt(lineStart))) {
      if (paragraph) {
        paragraph.end = lineEnd;
        paragraph.lastLine = lineStart;
      } else {
        blocks.contentStarts.push(lineStart);
        paragraph = { start: lineStart, end: lineEnd, lastLine: lineStart, depth: 0, item: -1 };
      }
      afterIndentedCode = -1;
      lineStart = next;
      continue;
    }
    const cursor = new LineCursor(text, lineStart, lineEnd);
    let matched = 0;
    for (const container of containers) {
      if (container.kind === 'quote') {
        if (!cursor.takeQuoteMarker()) break;
      } else if (cursor.restIsBlank()) {
        // Blank lines stay inside list items.
      } else if (!cursor.takeIndent(container.indent)) {
        break;
      }
      matched++;
    }

    // Leaves that swallow lines: fenced code, HTML blocks, indented code.
    if (fence && matched >= fence.depth && matched === containers.length) {
      if (isClosingFence(cursor.rest(), fence)) fence = null;
      lineStart = next;
      continue;
    }
    if (html && matched >= html.depth && matched === containers.length) {
      if (html.closer === null && cursor.restIsBlank()) {
        closeHtml();
      } else {
        html.end = lineEnd;
        if (html.closer?.test(cursor.rest())) closeHtml();
        lineStart = next;
        continue;
      }
    }
    if (indentedCodeDepth >= 0 && matched === containers.length && (cursor.restIsBlank() || cursor.indentColumns() >= 4)) {
      if (!cursor.restIsBlank()) afterIndentedCode = indentedCodeDepth;
      lineStart = next;
      continue;
    }
    const interruptsCode = afterIndentedCode >= 0 && matched >= afterIndentedCode;
    if (!cursor.restIsBlank()) afterIndentedCode = -1;
    const closedContainers = matched < containers.length;

    // A paragraph line may continue lazily where its containers did not match.
    if (matched < containers.length && paragraph && paragraph.depth === containers.length) {
      if (isLazyContinuation(cursor)) {
        paragraph.end = lineEnd;
        paragraph.lastLine = cursor.indentColumns() >= 4 ? -1 : cursor.afterIndent();
        lineStart = next;
        continue;
      }
      // micromark opens a lone-tag HTML block (start condition 7) of a lazy line inside the
      // paragraph's containers, where later lines may continue it.
      const lazyAt = cursor.afterIndent();
      if (cursor.indentColumns() < 4 && isLoneTag(text.slice(lazyAt, lineEnd))) {
        closeParagraph();
        html = { start: lazyAt, end: lineEnd, depth: containers.length, closer: null };
        lineStart = next;
        continue;
      }
    }
    closeContainersFrom(matched);
    if (indentedCodeDepth >= 0) indentedCodeDepth = -1;
    if (fence && fence.depth > containers.length) fence = null;

    // New containers: block quotes and list items, possibly several on one line.
    for (;;) {
      if (cursor.indentColumns() >= 4) break;
      const markerAt = cursor.afterIndent();
      const rest = text.slice(markerAt, lineEnd);
      if (rest.startsWith('>')) {
        closeParagraph();
        blockStarts(markerAt);
        cursor.takeQuoteMarker();
        containers.push({ kind: 'quote' });
        continue;
      }
      const first = rest.charCodeAt(0);
      const markerLike = first === 45 || first === 42 || first === 43 || first === 95; // - * + _
      if (markerLike && THEMATIC_BREAK.test(rest)) break;
      const bullet = markerLike ? BULLET.exec(rest) : null;
      const ordered = bullet || first < 48 || first > 57 ? null : ORDERED.exec(rest);
      const marker = bullet?.[0] ?? ordered?.[0];
      if (!marker) break;
      const afterMarker = rest.slice(marker.length);
      const empty = afterMarker.trim() === '';
      const interrupting = (paragraph !== null && paragraph.depth === containers.length) || interruptsCode;
      if (interrupting && (empty || (ordered && ordered[1] !== '1'))) break;
      closeParagraph();
      const markerColumn = cursor.columnAt(markerAt);
      cursor.moveTo(markerAt + marker.length);
      const spaces = empty ? 0 : cursor.indentColumns();
      const contentIndent = markerColumn + marker.length + (spaces >= 1 && spaces <= 4 ? spaces : 1);
      if (spaces >= 1 && spaces <= 4) cursor.takeIndent(contentIndent);
      else if (spaces > 4) cursor.takeIndent(markerColumn + marker.length + 1);
      blockStarts(markerAt);
      blocks.items.push({ start: markerAt, checked: null, paragraph: null, parent: innermostItem() });
      itemHasFirstChild.push(false);
      containers.push({ kind: 'item', indent: contentIndent, item: blocks.items.length - 1 });
    }

    // The leaf block on the rest of the line.
    const depth: number = containers.length;
    if (cursor.restIsBlank()) {
      closeParagraph();
      table = null;
      lineStart = next;
      continue;
    }
    const indent = cursor.indentColumns();
    const leafAt = cursor.afterIndent();
    const rest = text.slice(leafAt, lineEnd);
    if (indent >= 4) {
      if (paragraph) {
        paragraph.end = lineEnd;
        paragraph.lastLine = -1;
      } else {
        blockStarts(leafAt);
        table = null; // indented code, as any other block, ends a table
        indentedCodeDepth = depth;
        // (not when the code starts on the line that closed a container: micromark starts afresh there)
        afterIndentedCode = closedContainers ? -1 : depth;
      }
      lineStart = next;
      continue;
    }
    if (paragraph && SETEXT_UNDERLINE.test(rest)) {
      const heading: BlockHeading = {
        depth: rest.startsWith('=') ? 1 : 2,
        span: { start: paragraph.start, end: lineEnd },
        text: headingText(text.slice(paragraph.start, paragraph.end).replace(/[ \t\r\n]+/gu, (run) => (/[\r\n]/u.test(run) ? run.replace(/[ \t]+/gu, '') : run))),
      };
      blocks.headings.push(heading);
      collectInlineComments(text, paragraph.start, paragraph.end, blocks.html);
      paragraph = null; // a heading, not a paragraph: an item starting with it is no task
      lineStart = next;
      continue;
    }
    const atx = rest.charCodeAt(0) === 35 ? ATX_HEADING.exec(rest) : null;
    if (atx) {
      closeParagraph();
      table = null;
      blockStarts(leafAt);
      const content = rest.slice(atx[0].length).replace(/(?:^|(?<![ \t])[ \t]+)#+[ \t]*$/u, '').replace(/(?<![ \t])[ \t]+$/u, '');
      const contentStart = leafAt + atx[0].length;
      blocks.headings.push({ depth: atx[1]!.length, span: { start: leafAt, end: lineEnd }, text: headingText(content) });
      collectInlineComments(text, contentStart, contentStart + content.length, blocks.html);
      lineStart = next;
      continue;
    }
    const fenceOpen = FENCE_OPEN.exec(rest);
    if (fenceOpen && !(fenceOpen[1]![0] === '`' && rest.slice(fenceOpen[1]!.length).includes('`'))) {
      closeParagraph();
      table = null; // any other block ends a table
      blockStarts(leafAt);
      fence = { char: fenceOpen[1]![0]!, length: fenceOpen[1]!.length, depth };
      lineStart = next;
      continue;
    }
    const htmlCloser = htmlBlockStart(rest, paragraph !== null);
    if (htmlCloser !== undefined) {
      closeParagraph();
      table = null;
      const isComment = rest.startsWith('<!--');
      blockStarts(leafAt, true);
      html = { start: leafAt, end: lineEnd, depth, closer: htmlCloser };
      if (htmlCloser?.test(rest.slice(isComment ? 4 : 2))) closeHtml();
      lineStart = next;
      continue;
    }
    if (THEMATIC_BREAK.test(rest)) {
      closeParagraph();
      table = null;
      blockStarts(leafAt);
      lineStart = next;
      continue;
    }
    if (table && table.depth === depth) {
      collectRowComments(text, leafAt, lineEnd, blocks.html); // another row
      lineStart = next;
      continue;
    }
    table = null;
    if (paragraph && paragraph.lastLine >= 0 && isTableDelimiter(text.slice(paragraph.lastLine, paragraph.end), rest)) {
      // A delimiter row makes the paragraph's last line the header row of a GFM table; the lines
      // before it stay a paragraph.
      const header = { start: paragraph.lastLine, end: paragraph.end };
      if (header.start > paragraph.start) {
        paragraph.end = lineBreakBefore(text, header.start);
        closeParagraph();
      }
      paragraph = null;
      table = { depth };
      collectRowComments(text, header.start, header.end, blocks.html);
      lineStart = next;
      continue;
    }
    if (paragraph) {
      paragraph.end = lineEnd;
      paragraph.lastLine = leafAt;
    } else {
      const last: Container | undefined = containers[containers.length - 1];
      const firstOfItem: number = last?.kind === 'item' && !itemHasFirstChild[last.item] ? last.item : -1;
      blockStarts(leafAt);
      paragraph = { start: leafAt, end: lineEnd, lastLine: leafAt, depth, item: firstOfItem };
    }
    lineStart = next;
  }
  closeParagraph();
  closeHtml();
  return blocks;
}

/** Where the line break before the line holding `offset` starts (its `\r` of a `\r\n`). */
function lineBreakBefore(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
  if (at > 0) at--;
  if (at > 0 && text[at] === '\n' && text[at - 1] === '\r') at--;
  return at;
}

/** A GFM table's delimiter row (`| --- | :-: |`), at any indentation. */
export function isDelimiterRow(line: string): boolean {
  return TABLE_DELIMITER.test(line);
}

/** A GFM table's delimiter row under a header row with as many cells. */
function isTableDelimiter(header: string, line: string): boolean {
  if (!TABLE_DELIMITER.test(line) || (!line.includes('|') && !header.includes('|'))) return false;
  return cellCount(header) === cellCount(line);
}

function cellCount(row: string): number {
  const trimmed = row.trim().replace(/^\|/u, '').replace(/(?<!\\)\|$/u, '');
  return trimmed.split(/(?<!\\)\|/u).length;
}

function startsProse(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code > 127 && code !== 0xfeff);
}

/** GFM task state once the item's first paragraph is complete. */
function finishTaskParagraph(text: string, item: BlockItem, paragraph: Paragraph): void {
  item.paragraph = { start: paragraph.start, end: paragraph.end };
  const body = text.slice(paragraph.start, paragraph.end);
  const box = TASK_BOX.exec(body);
  // A box needs whitespace after it and some content in the paragraph (`- [ ]` alone is text).
  if (box && body.slice(3).trim() !== '') item.checked = box[1] !== ' ';
}

function isClosingFence(line: string, fence: OpenFence): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/u.exec(line);
  return match !== null && match[1]![0] === fence.char && match[1]!.length >= fence.length;
}

/** The closer of an HTML block starting here (null: closes at a blank line), or undefined. */
function htmlBlockStart(rest: string, interruptsParagraph: boolean): RegExp | null | undefined {
  if (!rest.startsWith('<')) return undefined;
  if (RAW_HTML_OPEN.test(rest)) return /<\/(?:script|pre|style|textarea)>/iu;
  if (rest.startsWith('<!--')) return /-->/u;
  if (rest.startsWith('<?')) return /\?>/u;
  if (rest.startsWith('<![CDATA[')) return /\]\]>/u;
  if (/^<![A-Za-z]/u.test(rest)) return />/u;
  const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[ \t>]|\/>|$)/u.exec(rest);
  if (tag && HTML_BLOCK_TAGS.has(tag[1]!.toLowerCase())) return null;
  if (!interruptsParagraph && isLoneTag(rest)) return null;
  return undefined;
}

/** HTML start condition 7: one complete open or close tag alone on the line. */
function isLoneTag(rest: string): boolean {
  const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/u.exec(rest)?.[1]?.toLowerCase();
  if (!name || HTML_BLOCK_TAGS.has(name) || (RAW_HTML_OPEN.test(rest) && !rest.startsWith('</'))) return false;
  return OPEN_TAG.test(rest) || CLOSE_TAG.test(rest);
}

/** Plain text that continues a paragraph even though its containers did not match. */
function isLazyContinuation(cursor: LineCursor): boolean {
  if (cursor.restIsBlank()) return false;
  if (cursor.indentColumns() >= 4) return true;
  const rest = cursor.rest().trimStart();
  if (rest.startsWith('>') || ATX_HEADING.test(rest) || FENCE_OPEN.test(rest) || THEMATIC_BREAK.test(rest)) return false;
  // In a lazy line even a lone HTML tag (start condition 7) ends the paragraph, as in micromark.
  if (htmlBlockStart(rest, false) !== undefined) return false;
  // Where the containers did not match, any list marker starts an item (the rule that only
  // `1.` and non-empty items interrupt a paragraph applies inside the paragraph's own container).
  return !BULLET.test(rest) && !ORDERED.test(rest);
}

/**
 * Comments of a table row, cell by cell: GFM splits a row at every `|` not escaped with `\`
 * (code spans do not protect one) before it reads each cell's inline content.
 */
function collectRowComments(text: string, start: number, end: number, into: BlockHtml[]): void {
  if (text.slice(start, end).indexOf('<!--') < 0) return;
  let cellStart = start;
  for (let at = start; at <= end; at++) {
    if (at < end && (text[at] !== '|' || isEscaped(text, at, start))) continue;
    collectInlineComments(text, cellStart, at, into);
    cellStart = at + 1;
  }
}

/** Inline `<!-- … -->` comments of a paragraph, a heading or a table cell, outside code spans. */
function collectInlineComments(text: string, start: number, end: number, into: BlockHtml[]): void {
  // Bounded search: an unbounded indexOf would rescan the rest of the document for every paragraph.
  const local = text.slice(start, end).indexOf('<!--');
  if (local < 0) return;
  let at = start + local;
  const codeSpans = codeSpansOf(text, start, end);
  while (at >= 0 && at < end) {
    const inCode = codeSpans.some((span) => at >= span.start && at < span.end);
    const escaped = isEscaped(text, at, start);
    if (!inCode && !escaped) {
      const close = text.startsWith('<!-->', at) ? at + 5 : text.startsWith('<!--->', at) ? at + 6 : text.indexOf('-->', at + 4);
      if (close < 0 || close > end) return;
      const stop = text.startsWith('<!-->', at) || text.startsWith('<!--->', at) ? close : close + 3;
      into.push({ start: at, value: text.slice(at, stop) });
      at = text.indexOf('<!--', stop);
    } else {
      at = text.indexOf('<!--', at + 4);
    }
  }
}

/** Whether the character at `at` follows an odd number of backslashes (none before `floor`). */
export function isEscaped(text: string, at: number, floor: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= floor && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** The code spans between `start` and `end`: runs of backticks closed by a run of the same length. */
export function codeSpansOf(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let at = text.indexOf('`', start);
  while (at >= 0 && at < end) {
    let run = at;
    while (run < end && text[run] === '`') run++;
    const length = run - at;
    let search = run;
    let closed = false;
    while (search < end) {
      const candidate = text.indexOf('`', search);
      if (candidate < 0 || candidate >= end) break;
      let candidateEnd = candidate;
      while (candidateEnd < end && text[candidateEnd] === '`') candidateEnd++;
      if (candidateEnd - candidate === length) {
        spans.push({ start: at, end: candidateEnd });
        at = text.indexOf('`', candidateEnd);
        closed = true;
        break;
      }
      search = candidateEnd;
    }
    if (!closed) at = text.indexOf('`', run);
  }
  return spans;
}

/** Heading text without the inline markup that remark would turn into nodes; code spans keep their text. */
function headingText(content: string): string {
  const parts = content.split(/(`+)([^`]*?)\1/u);
  let text = '';
  for (let i = 0; i < parts.length; i += 3) {
    text += markupFree(parts[i]!);
    if (i + 2 < parts.length) text += codeSpanText(parts[i + 2]!);
  }
  return text;
}

function markupFree(content: string): string {
  // Escaped characters are literal: hide them from the markup patterns, then restore them.
  const hidden = content.replace(/\\([!-/:-@[-`{-~])/gu, (_whole, char: string) => String.fromCharCode(0xe000 + char.charCodeAt(0)));
  // Comments, links and tags are removed by linear scans: as regexes (`/<!--[^]*?-->/g`,
  // `/!?\[([^\]]*)\]\([^)]*\)/g`, `/<[^>\s]+>/g`) they rescan the rest of a long line from every
  // unclosed `<!--`, `[` or `<`, which is quadratic.
  return withoutTags(withoutLinks(withoutComments(hidden)))
    .replace(/[*_~]+(?=\S)|(?<=\S)[*_~]+/gu, '') // emphasis delimiters touch text; a lone `* ` stays
    .replace(/[\ue000-\ue07f]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - 0xe000));
}

/** A code span's text: one space is stripped from each end when both are spaces and it is not all spaces. */
function codeSpanText(code: string): string {
  // As `code.replace(/^ (.*\S.*) $/u, '$1')`, without its quadratic backtracking on long spans.
  return code.length >= 2 && code[0] === ' ' && code[code.length - 1] === ' ' && /\S/u.test(code) && !/[\n\r\u2028\u2029]/u.test(code) ? code.slice(1, -1) : code;
}

/** `text` without `<!--…-->` comments (an unclosed one stays). */
function withoutComments(text: string): string {
  let result = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    result += text.slice(from, open);
    from = close + 3;
  }
  return result + text.slice(from);
}

/** `text` with each link or image `[label](target)` replaced by its label. */
function withoutLinks(text: string): string {
  let result = '';
  let from = 0;
  for (let open = text.indexOf('['); open >= 0; ) {
    const close = text.indexOf(']', open + 1);
    if (close < 0) break; // no later `[` has a `]` either
    const paren = text[close + 1] === '(' ? text.indexOf(')', close + 2) : -2;
    if (paren === -1) break; // no later link has its `)` either
    if (paren === -2) {
      open = text.indexOf('[', close + 1); // every `[` before `close` ends at the same `]`
      continue;
    }
    const start = open > from && text[open - 1] === '!' ? open - 1 : open;
    result += text.slice(from, start) + text.slice(open + 1, close);
    from = paren + 1;
    open = text.indexOf('[', from);
  }
  return result + text.slice(from);
}

/** `text` without tags `<…>` (no space inside). */
function withoutTags(text: string): string {
  let result = '';
  let from = 0;
  for (let open = text.indexOf('<'); open >= 0; ) {
    let end = open + 1;
    while (end < text.length && text[end] !== '>' && !/\s/u.test(text[end]!)) end++;
    if (text[end] === '>' && end > open + 1) {
      result += text.slice(from, open);
      from = end + 1;
      open = text.indexOf('<', from);
    } else {
      open = text.indexOf('<', Math.max(open + 1, end)); // a `<` before `end` stops at the same place
    }
  }
  return result + text.slice(from);
}

/** Reads a line's prefix column by column (tabs stop every four columns). */
class LineCursor {
  private position: number;
  private column = 0;
  // The first character after `position` that is not a space or a tab, found once: the cursor
  // only moves forward, so every container of a deep list asks again (1,000 levels: 1,000 times).
  private nonBlankAt = -1;

  constructor(
    private readonly text: string,
    lineStart: number,
    private readonly lineEnd: number,
  ) {
    this.position = lineStart;
  }

  rest(): string {
    return this.text.slice(this.position, this.lineEnd);
  }

  restIsBlank(): boolean {
    return this.afterIndent() >= this.lineEnd;
  }

  columnAt(offset: number): number {
    let column = this.column;
    for (let i = this.position; i < offset; i++) column = this.text.charCodeAt(i) === 9 ? column + 4 - (column % 4) : column + 1;
    return column;
  }

  moveTo(offset: number): void {
    this.column = this.columnAt(offset);
    this.position = offset;
  }

  /** Columns of whitespace from the cursor. */
  indentColumns(): number {
    let i = this.position;
    while (i < this.lineEnd && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
    return this.columnAt(i) - this.column;
  }

  afterIndent(): number {
    if (this.nonBlankAt < this.position) {
      let i = this.position;
      for (let code = this.text.charCodeAt(i); i < this.lineEnd && (code === 32 || code === 9); code = this.text.charCodeAt(++i));
      this.nonBlankAt = i;
    }
    return this.nonBlankAt;
  }

  /** Consumes whitespace up to `column`; false when the line is indented less than that. */
  takeIndent(column: number): boolean {
    let i = this.position;
    let current = this.column;
    while (current < column && i < this.lineEnd && (this.text[i] === ' ' || this.text[i] === '\t')) {
      current = this.text[i] === '\t' ? current + 4 - (current % 4) : current + 1;
      i++;
    }
    if (current < column) return false;
    this.position = i;
    this.column = current;
    return true;
  }

  /** Consumes `>` after at most three spaces, and one space after it. */
  takeQuoteMarker(): boolean {
    if (this.indentColumns() > 3) return false;
    const at = this.afterIndent();
    if (this.text[at] !== '>') return false;
    this.moveTo(at + 1);
    if (this.text[this.position] === ' ' || this.text[this.position] === '\t') this.moveTo(this.position + 1);
    return true;
  }
}
