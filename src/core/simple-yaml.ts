// A fast reader for the YAML that meeting frontmatter almost always is: `key: value`, flow lists
// `[a, b]` and block lists of scalars. It builds the same nodes (with the same ranges) as the
// `yaml` package, which stays the reader for everything else: anything outside this subset
// returns null and goes to the full parser. A unit test compares both on generated frontmatter.
import { Pair, Scalar, YAMLSeq } from 'yaml';

export interface SimpleYaml {
  pairs: Pair[];
  data: Record<string, unknown>;
}

// The key ends with a non-space character (greedy, not lazy: a lazy key rescanned the spaces after
// it at every step, quadratic on long lines).
const KEY_LINE = /^([A-Za-z_\u3400-\u9fff](?:[A-Za-z0-9_\-\u3400-\u9fff ]*[A-Za-z0-9_\-\u3400-\u9fff])?)[ \t]*:(?:[ \t]+|$)/u;
const ITEM_LINE = /^([ ]*)-(?:[ ]+|$)/u;
const NUMBER = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/u;
const INTEGER = /^[-+]?[0-9]+$/u;
/** Plain scalars that the core schema would read as something else, or that need care. */
const UNSAFE_PLAIN = /^[[\]{}&*!|>%@`'"#,?:-]|^-[ \t]|: |[ \t]#|^\.(?:inf|nan)$|^0[ox]/iu;

export function readSimpleYaml(content: string): SimpleYaml | null {
  if (content.includes('\t') || content.includes('\r')) return null;
  const pairs: Pair[] = [];
  const data: Record<string, unknown> = {};
  let openList: { seq: YAMLSeq; pair: Pair; indent: number } | null = null;
  const emptyValueAt = new Map<Pair, number>();
  let offset = 0;
  for (const line of content.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const item = ITEM_LINE.exec(line);
    if (item) {
      if (!openList) return null;
      if (openList.seq.items.length === 0) openList.indent = item[1]!.length;
      else if (item[1]!.length !== openList.indent) return null; // items of one list line up
      const valueStart = lineStart + item[0].length;
      const scalar = readScalar(line.slice(item[0].length), valueStart);
      if (!scalar) return null;
      openList.seq.items.push(scalar);
      if (openList.seq.items.length === 1) openList.seq.range = [lineStart + item[1]!.length, offset - 1, offset - 1];
      openList.seq.range![1] = openList.seq.range![2] = Math.min(offset, content.length);
      continue; // its data is set once the frontmatter is read (per item it was quadratic)
    }
    if (line.startsWith(' ')) return null; // nested mappings and multi-line scalars: the full parser
    openList = null;
    const key = KEY_LINE.exec(line);
    if (!key) return null;
    const name = key[1]!;
    if (name in data) return null; // a duplicate key is an error the full parser reports
    const keyNode = new Scalar(name);
    keyNode.range = [lineStart, lineStart + name.length, lineStart + name.length];
    const valueText = line.slice(key[0].length);
    const valueStart = lineStart + key[0].length;
    let value: Scalar | YAMLSeq | null;
    if (valueText.trim() === '') {
      // `key:` alone: null, or a block list on the next lines.
      const seq = new YAMLSeq();
      const pair = new Pair(keyNode, seq);
      openList = { seq, pair, indent: 0 };
      emptyValueAt.set(pair, valueStart);
      pairs.push(pair);
      data[name] = null;
      continue;
    } else if (valueText.startsWith('[')) {
      value = readFlowList(valueText, valueStart);
    } else {
      value = readScalar(valueText, valueStart);
    }
    if (!value) return null;
    pairs.push(new Pair(keyNode, value));
    data[name] = value instanceof YAMLSeq ? value.items.map((node) => (node as Scalar).value) : value.value;
  }
  // A `key:` with no list after it is a null value.
  for (const pair of pairs) {
    if (pair.value instanceof YAMLSeq && !pair.value.flow && pair.value.items.length > 0) {
      data[String((pair.key as Scalar).value)] = pair.value.items.map((node) => (node as Scalar).value);
    }
    if (pair.value instanceof YAMLSeq && pair.value.items.length === 0 && pair.value.range === undefined) {
      const at = emptyValueAt.get(pair)!;
      const nullNode = new Scalar(null);
      nullNode.range = [at, at, at];
      pair.value = nullNode;
    }
  }
  return { pairs, data };
}

function readScalar(raw: string, start: number): Scalar | null {
  const text = raw.replace(/(?<![ ])[ ]+$/u, '');
  if (text === '') return null;
  let value: unknown;
  if (text.startsWith('"')) {
    if (!/^"[^"\\]*"$/u.test(text)) return null;
    value = text.slice(1, -1);
  } else if (text.startsWith("'")) {
    if (!/^'[^']*'$/u.test(text)) return null;
    value = text.slice(1, -1);
  } else {
    if (UNSAFE_PLAIN.test(text)) return null;
    value = plainValue(text);
    if (value === undefined) return null;
  }
  const node = new Scalar(value);
  node.range = [start, start + text.length, start + text.length];
  return node;
}

/** The core schema's reading of a plain scalar; undefined when this reader should not guess. */
function plainValue(text: string): unknown {
  if (/^(?:null|Null|NULL|~)$/u.test(text)) return null;
  if (/^(?:true|True|TRUE)$/u.test(text)) return true;
  if (/^(?:false|False|FALSE)$/u.test(text)) return false;
  if (INTEGER.test(text)) {
    const number = Number(text);
    return Number.isSafeInteger(number) ? number : undefined;
  }
  if (NUMBER.test(text)) return Number(text);
  return text;
}

/** `[a, b, "c"]` on one line, scalars only. */
function readFlowList(raw: string, start: number): YAMLSeq | null {
  const text = raw.replace(/(?<![ ])[ ]+$/u, '');
  if (!text.endsWith(']') || text.indexOf(']') !== text.length - 1 || text.indexOf('[', 1) >= 0) return null;
  const seq = new YAMLSeq();
  seq.flow = true;
  seq.range = [start, start + text.length, start + text.length];
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return seq;
  let at = 1;
  for (const part of inner.split(',')) {
    const leading = part.length - part.trimStart().length;
    const itemText = part.trim();
    if (itemText === '') return null; // `[a,,b]` or a trailing comma: let the full parser decide
    const scalar = readScalar(itemText, start + at + leading);
    if (!scalar || (typeof scalar.value === 'string' && /[{}]/u.test(itemText))) return null;
    seq.items.push(scalar);
    at += part.length + 1;
  }
  return seq;
}
