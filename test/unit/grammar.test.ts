// The TextMate injection grammar (syntaxes/meetings.injection.tmLanguage.json), tokenised the way
// VS Code does it: vscode-textmate with the Oniguruma engine (vscode-oniguruma). The host is VS
// Code's own Markdown grammar when code-server is installed (.cache/code-server), and otherwise a
// small stand-in with the same scopes for list items, code, comments, links and frontmatter.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

function repoFile(relative: string): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return join(process.cwd(), relative);
  }
}

const INJECTION = 'markdown.meetings.injection';
const REAL_MARKDOWN = repoFile('.cache/code-server/node_modules/code-server/lib/vscode/extensions/markdown-basics/syntaxes/markdown.tmLanguage.json');

/** A stand-in for VS Code's Markdown grammar: the same scope names where the injection cares. */
const STAND_IN_MARKDOWN = {
  scopeName: 'text.html.markdown',
  patterns: [{ include: '#frontmatter' }, { include: '#fenced' }, { include: '#list' }, { include: '#inline' }],
  repository: {
    frontmatter: { begin: '\\A---\\s*$', end: '^---\\s*$', contentName: 'meta.embedded.block.frontmatter' },
    fenced: { begin: '^\\s*```.*$', end: '^\\s*```\\s*$', name: 'markup.fenced_code.block.markdown' },
    list: {
      begin: '^([ ]{0,3})([*+-]|\\d{1,9}[.)])([ \\t])',
      beginCaptures: { 2: { name: 'punctuation.definition.list.begin.markdown' } },
      end: '$',
      name: 'markup.list.unnumbered.markdown',
      patterns: [{ include: '#inline' }],
    },
    inline: {
      patterns: [
        { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
        { match: '\\*\\*[^*]+\\*\\*', name: 'markup.bold.markdown' },
        { match: '<!--.*?-->', name: 'comment.block.html' },
        { match: '\\[[^\\]]*\\]\\([^)]*\\)', name: 'meta.link.inline.markdown' },
        { match: '<https?://[^>]*>', name: 'markup.underline.link.markdown' },
      ],
    },
  },
};

type Host = 'VS Code' | 'stand-in';
const registries = new Map<Host, textmate.Registry>();
let wasmLoaded: Promise<void> | null = null;

async function markdownGrammar(host: Host): Promise<textmate.IGrammar> {
  wasmLoaded ??= (async () => {
    const wasm = readFileSync(repoFile('node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  })();
  await wasmLoaded;
  let registry = registries.get(host);
  if (!registry) {
    registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName) => {
        if (scopeName === 'text.html.markdown') {
          return host === 'VS Code'
            ? textmate.parseRawGrammar(readFileSync(REAL_MARKDOWN, 'utf8'), REAL_MARKDOWN)
            : textmate.parseRawGrammar(JSON.stringify(STAND_IN_MARKDOWN), 'markdown.json');
        }
        if (scopeName === INJECTION) {
          const path = repoFile('syntaxes/meetings.injection.tmLanguage.json');
          return textmate.parseRawGrammar(readFileSync(path, 'utf8'), path);
        }
        return null; // languages embedded in fenced code: not needed here
      },
      getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
    });
    registries.set(host, registry);
  }
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar);
  return grammar;
}

interface Token {
  text: string;
  scopes: string[];
}

async function tokenise(host: Host, text: string): Promise<Token[][]> {
  const grammar = await markdownGrammar(host);
  let stack = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

/** The scopes of every token that makes up `needle` on its line (the first occurrence). */
function scopesOf(lines: Token[][], needle: string): string[][] {
  for (const tokens of lines) {
    const line = tokens.map((token) => token.text).join('');
    const at = line.indexOf(needle);
    if (at < 0) continue;
    const found: string[][] = [];
    let offset = 0;
    for (const token of tokens) {
      const end = offset + token.text.length;
      if (end > at && offset < at + needle.length) found.push(token.scopes);
      offset = end;
    }
    return found;
  }
  throw new Error(`"${needle}" is not in the text`);
}

/** Asserts that every character of `needle` carries a scope starting with `scope`. */
function hasScope(lines: Token[][], needle: string, scope: string): void {
  const found = scopesOf(lines, needle);
  assert.ok(found.length > 0 && found.every((scopes) => scopes.some((name) => name.startsWith(scope))), `"${needle}" should be ${scope}; got ${JSON.stringify(found)}`);
}

function lacksScope(lines: Token[][], needle: string, scope: string): void {
  const found = scopesOf(lines, needle);
  assert.ok(found.every((scopes) => !scopes.some((name) => name.startsWith(scope))), `"${needle}" should not be ${scope}; got ${JSON.stringify(found)}`);
}

describe('highlighting grammar (syntaxes/meetings.injection.tmLanguage.json)', () => {
  it('is contributed as an injection into Markdown', () => {
    const manifest = JSON.parse(readFileSync(repoFile('package.json'), 'utf8')) as { contributes: { grammars: unknown[] } };
    assert.deepEqual(manifest.contributes.grammars, [
      { scopeName: INJECTION, path: './syntaxes/meetings.injection.tmLanguage.json', injectTo: ['text.html.markdown'] },
    ]);
  });

  const hosts: Host[] = existsSync(REAL_MARKDOWN) ? ['stand-in', 'VS Code'] : ['stand-in'];
  for (const host of hosts) {
    describe(`injected into ${host === 'VS Code' ? 'VS Code’s Markdown grammar' : 'a stand-in Markdown grammar'}`, () => {
    it('compiles every pattern with Oniguruma and keeps Markdown’s own scopes around them', async () => {
      const lines = await tokenise(host, '- [/] 客服知识库 **加急** @李四 📅 2026-12-10');
      hasScope(lines, '-', 'punctuation.definition.list.begin.markdown');
      hasScope(lines, '客服知识库', 'markup.list');
      hasScope(lines, '加急', 'markup.bold.markdown');
    });

    it('scopes owners, due dates, priorities and the extra status boxes', async () => {
      const lines = await tokenise(host, 
        [
          '## 行动计划',
          '- [ ] 复盘双十一活动数据 @Alice 📅 2026-12-04 ⏫',
          '- [/] 客服知识库补充 ＠李四 截止：下周五',
          '- [-] 印刷纸质手册 @王五 ❌ 2026-11-20',
          '- [x] 图片压缩上线 @王五 ✅ 2026-11-19',
          '- [ ] 更新看板 负责人：李四、王五 优先级：高',
          '- [ ] Fix SPF records owner: Bob due: next Friday P1',
          '1. [/] numbered [due:: 2026-12-01] [owner:: Carol] 🔺',
        ].join('\n'),
      );
      hasScope(lines, '@Alice', 'entity.name.tag.owner.meetings');
      hasScope(lines, '@', 'punctuation.definition.owner.meetings');
      hasScope(lines, '📅', 'keyword.other.due.meetings');
      hasScope(lines, '2026-12-04', 'constant.numeric.date.due.meetings');
      hasScope(lines, '⏫', 'keyword.other.priority.meetings');
      hasScope(lines, '[/]', 'markup.changed.in-progress.meetings');
      hasScope(lines, '＠李四', 'entity.name.tag.owner.meetings');
      hasScope(lines, '截止：', 'keyword.other.due.meetings');
      hasScope(lines, '下周五', 'constant.other.date.due.meetings');
      hasScope(lines, '[-]', 'markup.deleted.cancelled.meetings');
      hasScope(lines, '2026-11-20', 'constant.numeric.date.cancelled.meetings');
      hasScope(lines, '2026-11-19', 'constant.numeric.date.done.meetings');
      hasScope(lines, '负责人：', 'keyword.other.owner.meetings');
      hasScope(lines, '李四、王五', 'entity.name.tag.owner.meetings');
      hasScope(lines, '优先级：高', 'keyword.other.priority.meetings');
      hasScope(lines, 'owner:', 'keyword.other.owner.meetings');
      hasScope(lines, 'Bob', 'entity.name.tag.owner.meetings');
      hasScope(lines, 'next', 'constant.other.date.due.meetings');
      hasScope(lines, 'P1', 'keyword.other.priority.meetings');
      hasScope(lines, '2026-12-01', 'constant.numeric.date.due.meetings');
      hasScope(lines, 'Carol', 'entity.name.tag.owner.meetings');
      hasScope(lines, '🔺', 'keyword.other.priority.meetings');
      hasScope(lines, '[/] numbered', 'markup');
    });

    it('leaves code, comments, links, e-mail addresses and look-alikes alone', async () => {
      const lines = await tokenise(host, 
        [
          '---',
          'attendees: [张三]',
          'owner: 张三',
          '---',
          '',
          '- [ ] write to bob@example.com about `@carol` and [the page](https://example.com/@dave) <!-- @erin -->',
          '- [ ] upgrade the MP3 player, not a [/] box, version P4',
          '',
          '```',
          '- [/] in code @frank 📅 2026-12-04',
          '```',
        ].join('\n'),
      );
      // VS Code's grammar marks frontmatter only through an embedded YAML grammar; the stand-in marks it directly.
      if (host === 'stand-in') lacksScope(lines, 'owner: 张三', 'keyword.other.owner.meetings');
      lacksScope(lines, '@example', 'entity.name.tag.owner.meetings');
      lacksScope(lines, '@carol', 'entity.name.tag.owner.meetings');
      lacksScope(lines, '@dave', 'entity.name.tag.owner.meetings');
      lacksScope(lines, '@erin', 'entity.name.tag.owner.meetings');
      lacksScope(lines, 'MP3', 'keyword.other.priority.meetings');
      lacksScope(lines, 'P4', 'keyword.other.priority.meetings');
      lacksScope(lines, '[/] box', 'markup.changed');
      lacksScope(lines, '@frank', 'entity.name.tag.owner.meetings');
      lacksScope(lines, '2026-12-04', 'constant.numeric.date');
    });
    });
  }
});
