// The block structure the engine reads from Markdown: headings, list items, HTML and top-level
// blocks. Two parsers produce it: remark (the CommonMark/GFM reference) and the line scanner
// (fast, for the editor and the workspace index). A differential test keeps them in agreement.
import type { Nodes, Root } from 'mdast';
import { parseMarkdown } from './markdown';
import type { Span } from './model';

export interface BlockHeading {
  depth: number;
  span: Span;
  /** Inline text without markup. */
  text: string;
}

export interface BlockItem {
  /** Offset of the list marker. */
  start: number;
  /** GFM task state from `[ ]` / `[x]`; null when not a GFM task item. */
  checked: boolean | null;
  /** The item's first child when it is a paragraph. */
  paragraph: Span | null;
  /** Index of the enclosing list item, or -1. */
  parent: number;
}

export interface BlockHtml {
  start: number;
  value: string;
}

export interface BlockStructure {
  headings: BlockHeading[];
  items: BlockItem[];
  html: BlockHtml[];
  /** Start offsets of top-level blocks other than the frontmatter and lone HTML comments. */
  contentStarts: number[];
}

export type MarkdownParser = 'scanner' | 'remark';

/** The block structure from remark's syntax tree. */
export function blocksFromRemark(text: string): BlockStructure {
  const root: Root = parseMarkdown(text);
  const blocks: BlockStructure = { headings: [], items: [], html: [], contentStarts: [] };
  const visit = (node: Nodes, parentItem: number) => {
    let itemIndex = parentItem;
    if (node.type === 'heading') blocks.headings.push({ depth: node.depth, span: spanOf(node), text: inlineText(node) });
    else if (node.type === 'html') blocks.html.push({ start: spanOf(node).start, value: node.value });
    else if (node.type === 'listItem') {
      const first = node.children[0];
      blocks.items.push({
        start: spanOf(node).start,
        checked: node.checked ?? null,
        paragraph: first && first.type === 'paragraph' ? spanOf(first) : null,
        parent: parentItem,
      });
      itemIndex = blocks.items.length - 1;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child, itemIndex);
  };
  visit(root, -1);
  for (const child of root.children) {
    if (child.type === 'yaml' || (child.type === 'html' && isLoneComment(child.value))) continue;
    blocks.contentStarts.push(spanOf(child).start);
  }
  return blocks;
}

export function isLoneComment(html: string): boolean {
  return /^\s*<!--[\s\S]*-->\s*$/u.test(html);
}

function spanOf(node: Nodes): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

function inlineText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(inlineText).join('');
  return '';
}
