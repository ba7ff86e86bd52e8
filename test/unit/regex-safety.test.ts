// Every regular expression of the engine against catastrophic backtracking. The list is not written
// by hand, so a new regex cannot be missed: regex literals are read from the sources with the
// TypeScript parser, and every `new RegExp(…)` is captured while the engine runs (the sources are
// bundled with each `new RegExp(` rewritten to record its evaluated pattern and call site; a call
// site that never ran fails the test until it is given a driver below).
//
// Each regex is screened on about 2,000 adversarial strings of 256 characters built from its own
// alphabet (every character and literal word of the pattern, plus spaces, tabs, letters, digits,
// CJK, newlines, brackets): each unit repeated, with a prefix and a failing suffix, and every pair
// of characters alternated. The three slowest inputs of each regex are then grown to 100 KB and
// must run in under a second. `g` is dropped, so a failing search tries every start position, which
// is at least the work of the engine's own `matchAll` and `replace`; sticky (`y`) regexes are read at
// one position, as the engine reads them.
// The screening runs in a worker thread, so an exponential regex fails the test instead of hanging it.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { allMatches } from '../../src/core/regex';

function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'src', 'core')) || !existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root');
    dir = up;
  }
  return dir;
}

const ROOT = repositoryRoot();
// Loaded at run time from node_modules (not bundled into this test).
const load = createRequire(join(ROOT, 'package.json'));

/** Folders whose regexes are checked: the engine, the CLI, the Node adapters and the extension. */
const SOURCE_DIRS = ['src/core', 'src/cli', 'src/node', 'src/extension'];
/** Folders whose `new RegExp(…)` call sites are captured at run time (the others have none). */
const CAPTURED_DIRS = ['src/core', 'src/cli', 'src/node'];

interface Pattern {
  source: string;
  flags: string;
  sites: string[];
}

function tsFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...tsFiles(path));
    else if (name.endsWith('.ts')) files.push(path);
  }
  return files;
}

function siteOf(file: string, text: string, offset: number): string {
  return `${relative(ROOT, file).split('\\').join('/')}:${text.slice(0, offset).split('\n').length}`;
}

/** Regex literals of every source file, read with the TypeScript parser. */
function literalPatterns(): Pattern[] {
  const ts = load('typescript') as typeof import('typescript');
  const found: Pattern[] = [];
  for (const dir of SOURCE_DIRS) {
    for (const file of tsFiles(join(ROOT, dir))) {
      const text = readFileSync(file, 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
      const visit = (node: import('typescript').Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const literal = node.getText(source);
          const slash = literal.lastIndexOf('/');
          found.push({ source: literal.slice(1, slash), flags: literal.slice(slash + 1), sites: [siteOf(file, text, node.getStart(source))] });
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return found;
}

interface Captured {
  site: string;
  source: string;
  flags: string;
}

/** `new RegExp(…)` call sites in the sources (textually), and the bundle that records them. */
async function capturedPatterns(): Promise<{ sites: string[]; patterns: Captured[] }> {
  const esbuild = load('esbuild') as typeof import('esbuild');
  const sites: string[] = [];
  const files = CAPTURED_DIRS.flatMap((dir) => tsFiles(join(ROOT, dir)));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bnew RegExp\(/gu)) sites.push(siteOf(file, text, match.index));
  }
  const entry = [
    `export * from ${JSON.stringify(join(ROOT, 'src/core/index.ts'))};`,
    ...files.filter((file) => !file.endsWith(join('cli', 'main.ts')) && !file.endsWith('index-worker.ts')).map((file) => `import ${JSON.stringify(file)};`),
    'export function capturedRegExps() { return __capturedRegExps; }',
  ].join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'meetings-regex-'));
  try {
    const outfile = join(dir, 'engine.cjs');
    await esbuild.build({
      stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      logLevel: 'error',
      banner: {
        js: 'const __capturedRegExps = []; class __CapturedRegExp extends RegExp { constructor(site, pattern, flags) { super(pattern, flags); __capturedRegExps.push({ site, source: this.source, flags: this.flags }); } }',
      },
      plugins: [
        {
          name: 'capture-regexps',
          setup(build) {
            build.onLoad({ filter: /[/\\]src[/\\](core|cli|node)[/\\].*\.ts$/ }, (args) => {
              const text = readFileSync(args.path, 'utf8');
              const contents = text.replace(/\bnew RegExp\(/gu, (_whole, offset: number) => `new __CapturedRegExp(${JSON.stringify(siteOf(args.path, text, offset))}, `);
              return { contents, loader: 'ts' };
            });
          },
        },
      ],
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const engine = require(outfile) as typeof import('../../src/core') & { capturedRegExps(): Captured[] };
    drive(engine);
    return { sites, patterns: engine.capturedRegExps() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the code paths whose regexes are built per call (from fixed key and placeholder lists). */
function drive(engine: typeof import('../../src/core')): void {
  const template = engine.teamTemplate(
    'team.md',
    '---\ntitle: Team {{date}}\ntype: weekly\nseries: team\nattendees:\n  - {{attendees}}\n---\n\n## Attendees\n- {{attendees}}\n\n{{followup}}\n\n## Actions\n- [ ] first\n',
  );
  engine.templateDefaults(template);
  engine.renderNewMeeting({ template, locale: 'en', date: '2026-11-20', series: 'team', attendees: ['A', 'B'] });
  for (const builtin of engine.builtinTemplates('zh-CN')) engine.renderNewMeeting({ template: builtin, locale: 'zh-CN', date: '2026-11-20' });
}

// ---------------------------------------------------------------------------------------------
// The screening, in a worker thread

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const BASE = [' ', '\\t', 'a', 'A', 'z', '1', '0', '张', '\\n', '\\r', '-', ':', '：', '.', ',', '#', '@', '\`', '[', ']', '(', ')', '<', '>', '*', '_', '|', '/', '"', "'", '📅'];
const ESCAPES = { t: ['\\t'], n: ['\\n'], r: ['\\r'], s: [' ', '\\u3000'], S: ['a'], d: ['1'], D: ['a'], w: ['a', '_'], W: [' ', '-'], f: ['\\f'], v: ['\\v'] };
function unitsOf(source) {
  const chars = new Set(BASE);
  const words = new Set();
  const cps = Array.from(source);
  let run = '';
  const flush = () => { if (run.length > 1) words.add(run); run = ''; };
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (c === '\\\\') {
      const n = cps[++i];
      if (n === 'p' || n === 'P') {
        while (i < cps.length && cps[i] !== '}') i++;
        for (const x of ['a', '张', '1', '\\u0301', 'é', '一']) chars.add(x);
        flush();
      } else if (n === 'u' || n === 'x') {
        let hex = '';
        if (cps[i + 1] === '{') { i += 2; while (cps[i] !== '}') hex += cps[i++]; }
        else { const len = n === 'u' ? 4 : 2; hex = cps.slice(i + 1, i + 1 + len).join(''); i += len; }
        const char = String.fromCodePoint(parseInt(hex, 16));
        chars.add(char); run += char;
      } else if (ESCAPES[n]) { for (const x of ESCAPES[n]) chars.add(x); flush(); }
      else if (n === 'b' || n === 'B' || /[0-9k]/.test(n)) flush();
      else { chars.add(n); run += n; }
    } else if ('()[]{}|?*+^$.'.includes(c)) { flush(); chars.add(c); }
    else { chars.add(c); run += c; }
  }
  flush();
  return { chars: [...chars].slice(0, 48), words: [...words].slice(0, 24) };
}
function repeatTo(unit, length) { return unit.repeat(Math.max(1, Math.ceil(length / unit.length))); }
function inputsOf(source, length) {
  const { chars, words } = unitsOf(source);
  const units = [...chars, ...words];
  const prefixes = ['', ...chars.slice(0, 32), ...words.slice(0, 8)];
  const inputs = [];
  for (const unit of units) {
    inputs.push({ prefix: '', unit, suffix: '' });
    for (const prefix of prefixes) inputs.push({ prefix, unit, suffix: '\\u0000' });
    inputs.push({ prefix: '', unit: unit + ' ', suffix: '\\u0000' });
    inputs.push({ prefix: '', unit: unit + '\\n', suffix: '\\u0000' });
  }
  for (const a of chars.slice(0, 32)) for (const b of chars.slice(0, 32)) if (a !== b) inputs.push({ prefix: '', unit: a + b, suffix: '\\u0000' });
  return inputs;
}
function build(input, length) { return input.prefix + repeatTo(input.unit, length) + input.suffix; }
function time(regex, text) {
  const start = performance.now();
  regex.lastIndex = 0;
  regex.exec(text);
  return performance.now() - start;
}
for (const [index, pattern] of workerData.patterns.entries()) {
  parentPort.postMessage({ kind: 'start', index });
  const regex = new RegExp(pattern.source, pattern.flags.replace(/g/g, ''));
  const screened = [];
  const started = performance.now();
  for (const input of inputsOf(pattern.source, workerData.screenLength)) screened.push({ input, ms: time(regex, build(input, workerData.screenLength)) });
  const screenMs = performance.now() - started;
  screened.sort((a, b) => b.ms - a.ms);
  let worst = { ms: 0, input: null, estimated: false };
  for (const { input } of screened.slice(0, 3)) {
    // Grown by doubling from 1,562 characters to 100 KB: a regex that is already over the limit, or
    // grows faster than linearly, is stopped there (a cubic one would take hours at 100 KB) and its
    // 100 KB time is extrapolated with the growth it showed.
    let previous = 0;
    let result = null;
    for (let length = workerData.fullLength / 64; length <= workerData.fullLength; length *= 2) {
      const ms = time(regex, build(input, length));
      const factor = workerData.fullLength / length;
      const growth = previous > 0.5 ? Math.log2(Math.max(ms / previous, 2)) : 1;
      if (ms > workerData.limitMs || (ms > 5 && growth > 1.6 && factor > 1)) { result = { ms: ms * Math.pow(factor, Math.max(growth, 2)), estimated: factor > 1 }; break; }
      previous = ms;
      if (factor === 1) result = { ms, estimated: false };
    }
    if (result.ms > worst.ms) worst = { ...result, input };
    if (result.ms > workerData.limitMs) break;
  }
  parentPort.postMessage({ kind: 'done', index, inputs: screened.length, screenMs, worst });
}
`;

interface Verdict {
  pattern: Pattern;
  inputs: number;
  screenMs: number;
  worstMs: number;
  worstInput: string;
}

function screen(patterns: Pattern[], timeoutMs: number): Promise<{ verdicts: Verdict[]; hung: Pattern | null }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { patterns: patterns.map(({ source, flags }) => ({ source, flags })), screenLength: 256, fullLength: 100_000, limitMs: LIMIT_MS },
    });
    const verdicts: Verdict[] = [];
    let current = -1;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        resolve({ verdicts, hung: patterns[current] ?? null });
      }, timeoutMs);
    };
    arm();
    worker.on('message', (message: { kind: string; index: number; inputs: number; screenMs: number; worst: { ms: number; estimated: boolean; input: { prefix: string; unit: string; suffix: string } | null } }) => {
      arm();
      current = message.index;
      if (message.kind !== 'done') return;
      const input = message.worst.input;
      verdicts.push({
        pattern: patterns[message.index]!,
        inputs: message.inputs,
        screenMs: message.screenMs,
        worstMs: message.worst.ms,
        worstInput: input
          ? `${JSON.stringify(input.prefix)} + ${JSON.stringify(input.unit)} × ${Math.ceil(100_000 / input.unit.length)} + ${JSON.stringify(input.suffix)}: ` +
            `${message.worst.estimated ? '~' : ''}${message.worst.ms.toFixed(0)} ms${message.worst.estimated ? ' (superlinear on shorter inputs, extrapolated)' : ''}`
          : '',
      });
      if (verdicts.length === patterns.length) {
        clearTimeout(timer);
        void worker.terminate();
        resolve({ verdicts, hung: null });
      }
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** One second per 100 KB exec, generous for a shared 2-core machine (a linear regex takes ~1 ms). */
const LIMIT_MS = 1000;

describe('regex safety: every regex of the engine on 100 KB adversarial strings', function () {
  this.timeout(240_000);

  it('finds every regex, bounds each one, and ran every call site', async () => {
    const started = Date.now();
    const literals = literalPatterns();
    const { sites, patterns: captured } = await capturedPatterns();
    const ran = new Set(captured.map((pattern) => pattern.site));
    const missing = sites.filter((site) => !ran.has(site));
    assert.deepEqual(missing, [], `new RegExp call sites that never ran (add a driver in drive()): ${missing.join(', ')}`);

    const unique = new Map<string, Pattern>();
    for (const pattern of [...literals, ...captured.map((c) => ({ source: c.source, flags: c.flags, sites: [c.site] }))]) {
      const key = `/${pattern.source}/${pattern.flags}`;
      const known = unique.get(key);
      if (known) known.sites.push(...pattern.sites.filter((site) => !known.sites.includes(site)));
      else unique.set(key, { ...pattern, sites: [...pattern.sites] });
    }
    const patterns = [...unique.values()];
    assert.ok(literals.length > 200, `expected the engine's regex literals, found ${literals.length}`);

    const { verdicts, hung } = await screen(patterns, 20_000);
    assert.equal(hung, null, hung ? `exponential backtracking (no answer in 20 s): /${hung.source}/${hung.flags} at ${hung.sites.join(', ')}` : '');
    let slow = verdicts.filter((verdict) => verdict.worstMs > LIMIT_MS);
    // A shared machine can stall any measurement: a regex fails only if it is slow three times.
    for (let attempt = 0; attempt < 2 && slow.length > 0; attempt++) {
      const again = await screen(slow.map((verdict) => verdict.pattern), 20_000);
      const stillSlow = new Set(again.verdicts.filter((verdict) => verdict.worstMs > LIMIT_MS).map((verdict) => verdict.pattern));
      if (again.hung) stillSlow.add(again.hung);
      slow = slow.filter((verdict) => stillSlow.has(verdict.pattern));
    }
    const inputs = verdicts.reduce((sum, verdict) => sum + verdict.inputs, 0);
    const worst = [...verdicts].sort((a, b) => b.worstMs - a.worstMs).slice(0, 5);
    console.log(
      `      [figures] regex safety: ${literals.length} literals, ${sites.length} new RegExp call sites (${captured.length} constructions), ` +
        `${patterns.length} distinct regexes, ${inputs} screening inputs of 256 chars, ${(Date.now() - started) / 1000} s in all; ` +
        `slowest at 100 KB: ${worst.map((verdict) => `${verdict.worstMs.toFixed(1)} ms ${verdict.pattern.sites[0]}`).join('; ')}`,
    );
    assert.deepEqual(
      slow.map((verdict) => `${verdict.pattern.sites.join(', ')}: /${verdict.pattern.source}/${verdict.pattern.flags} on ${verdict.worstInput}`),
      [],
    );
  });
});

describe('allMatches', () => {
  it('finds what matchAll finds, empty matches and characters outside the BMP included, and leaves the regex reusable', () => {
    const cases: Array<[RegExp, string]> = [
      [/负责人[:：]\s*/gu, '- [ ] 整理 负责人：张三 截止：下周 负责人: 李四'],
      [/\d+/g, 'a1b22c333'],
      [/x*/gu, '𝒳x😀xx𠀀'], // empty matches, surrogate pairs
      [/x*/g, '𝒳x😀xx'], // without `u`, one code unit at a time
      [/(?:)/gu, '😀a'],
      [/no/g, 'nothing here? no.'],
      [/z/g, ''],
    ];
    for (const [pattern, text] of cases) {
      const expected = [...text.matchAll(pattern)].map((match) => [match.index, match[0]]);
      assert.deepEqual(allMatches(pattern, text).map((match) => [match.index, match[0]]), expected, `${pattern} on ${text}`);
      assert.equal(pattern.lastIndex, 0, `${pattern} is left at the start`);
    }
    assert.throws(() => allMatches(/x/u, 'xx'), TypeError, 'a regex without g is refused, as matchAll refuses it');
    // Started mid-way by someone else's exec: still every match from the start.
    const pattern = /\d/g;
    pattern.exec('a1b2');
    assert.deepEqual(allMatches(pattern, 'a1b2').map((match) => match.index), [1, 3]);
  });
});
