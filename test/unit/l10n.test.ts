// Every user-visible string of the extension exists in English and Chinese: the manifest's
// %placeholders% in both package.nls files, and each vscode.l10n.t() text in the zh-cn bundle.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;

describe('localisation', () => {
  it('gives every %key% of package.json an English and a Chinese text', () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/gu)].map((match) => match[1]!);
    assert.ok(keys.length > 20, 'the manifest is localised');
    const english = readJson('package.nls.json');
    const chinese = readJson('package.nls.zh-cn.json');
    assert.deepEqual(keys.filter((key) => !(key in english)), [], 'missing in package.nls.json');
    assert.deepEqual(keys.filter((key) => !(key in chinese)), [], 'missing in package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort(), 'both files have the same keys');
  });

  it('translates every vscode.l10n.t() text of the extension into Chinese', () => {
    const dir = join(ROOT, 'src/extension');
    const texts = new Set<string>();
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/gu)) texts.add(match[1]!.replace(/\\'/gu, "'"));
    }
    assert.ok(texts.size > 30, `found ${texts.size} texts`);
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
    assert.deepEqual([...texts].filter((text) => typeof bundle[text] !== 'string'), [], 'missing in l10n/bundle.l10n.zh-cn.json');
    for (const [english, chinese] of Object.entries(bundle)) {
      const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/gu)].map((m) => m[0]).sort();
      assert.deepEqual(placeholders(String(chinese)), placeholders(english), `placeholders of "${english}"`);
    }
  });
});
