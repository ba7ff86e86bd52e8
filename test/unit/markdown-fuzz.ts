// Generated Markdown for the differential test: meeting-like documents built from the
// constructs where a line scanner and a CommonMark parser can part ways (indentation, tabs,
// nesting, lazy lines, fences, HTML blocks, block quotes, setext headings, ordered markers).
import { random } from '../../bench/corpus';

const FRAGMENTS: Array<(rng: () => number) => string> = [
  () => '',
  () => '',
  (rng) => `${pickOf(rng, ['-', '*', '+', '1.', '2)', '10.'])} [${pickOf(rng, [' ', 'x', 'X', '/', '-', 'y'])}] ${pickOf(rng, ['task @张三 📅 2026-12-01', 'task owner: Bob due: next Friday', '事项 负责人：李四 截止：下周五', '', ' ', 'plain'])}`,
  (rng) => `${indent(rng)}${pickOf(rng, ['-', '*', '1.'])} [ ] nested ${pickOf(rng, ['@李四', '@Bob', ''])}`,
  (rng) => `${indent(rng)}- [x] done ✅ 2026-11-20`,
  (rng) => `${indent(rng)}lazy or continued text ${pickOf(rng, ['@王五', 'due: 2026-12-02', ''])}`,
  (rng) => `${'#'.repeat(1 + Math.floor(rng() * 6))} ${pickOf(rng, ['行动计划', 'Action items', '参会人员', 'Attendees', '议程', '*Decisions*', '`code` heading', '决议 ##'])}`,
  (rng) => pickOf(rng, ['---', '***', '===', '- - -', '___']),
  (rng) => pickOf(rng, ['```', '~~~', '````', '```js', '  ```', '    ```']),
  (rng) => pickOf(rng, ['<!--', '-->', '<!-- meetings-disable-next-line action-due -->', '<!-- meetings-disable action-owner -->', '<!-- meetings-enable -->', 'text <!-- meetings-disable-line --> more']),
  (rng) => pickOf(rng, ['<div>', '</div>', '<details>', '<span>inline</span>', '<pre>', '</pre>']),
  (rng) => `${pickOf(rng, ['>', '> ', '>>', '> >'])} ${pickOf(rng, ['- [ ] quoted task @张三', 'quoted text', '', '1. [ ] quoted ordered'])}`,
  (rng) => `${'\t'.repeat(Math.floor(rng() * 2))}${pickOf(rng, ['- [ ] tabbed', 'tabbed text', '\t- [/] deep'])}`,
  (rng) => `${pickOf(rng, ['    ', '     ', '        '])}- [ ] indented code or nested`,
  (rng) => pickOf(rng, ['| a | b |', '| --- | --- |', 'Plain paragraph with `code <!-- x -->` span', 'Text\\<!-- not a comment -->']),
  (rng) => pickOf(rng, ['| a <!-- meetings-disable-line action-due --> | b |', '| `c <!-- x -->` | d <!-- meetings-disable-line action-owner --> |', '| e <!-- a | b --> |', 'f | g <!-- meetings-disable-line action-due -->']),
  (rng) => pickOf(rng, ['| a <!-- meetings-disable-line action-due \\| x --> | b |', '| `x <!-- meetings-disable-line action-owner --> y|z` | w |', '| a | b | <!-- meetings-disable-line action-due -->', '| a \\| `b|` <!-- meetings-disable-line --> |']),
];

function pickOf<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

function indent(rng: () => number): string {
  return ' '.repeat(pickOf(rng, [0, 1, 2, 3, 4, 5, 6]));
}

export function fuzzDocument(seed: number): string {
  const rng = random(seed);
  const lines = ['---', 'date: 2026-11-20', 'attendees: [张三, 李四, Bob]', '---', ''];
  const count = 5 + Math.floor(rng() * 30);
  for (let i = 0; i < count; i++) lines.push(pickOf(rng, FRAGMENTS)(rng));
  const eol = pickOf(rng, ['\n', '\n', '\n', '\r\n']);
  return lines.join(eol) + (rng() < 0.8 ? eol : '');
}
