// The fast frontmatter reader must read exactly what the `yaml` package reads, or decline.
import { strict as assert } from 'node:assert';
import { findFrontmatter, readFields } from '../../src/core/frontmatter';
import { readSimpleYaml } from '../../src/core/simple-yaml';
import { corpus, random } from '../../bench/corpus';

const VALUES = ['张三', 'Alice Chen', '2026-11-20', '"14:00-15:00"', "'quoted'", '60', '1.5', '-3', 'true', 'False', 'null', '~', '', '0x1F', '.inf',
  '[张三, 李四]', '[Alice Chen, "Bob Li"]', '[]', '[a,,b]', '{a: 1}', 'a: b', 'x # comment', '"esc\\"aped"', "'it''s'", '@bob', '*alias', '&anchor x', '| block', 'yes', '1e3', '007', '12345678901234567890'];
const KEYS = ['title', 'date', 'attendees', '参会人员', 'type', 'series', 'duration', 'time', 'tags', 'note taker'];

function generatedFrontmatter(seed: number): string {
  const rng = random(seed);
  const lines: string[] = [];
  for (let i = Math.floor(rng() * 8); i >= 0; i--) {
    const key = KEYS[Math.floor(rng() * KEYS.length)]!;
    if (rng() < 0.2) {
      lines.push(`${key}:`);
      for (let j = Math.floor(rng() * 3); j > 0; j--) lines.push(`${rng() < 0.5 ? '  ' : ''}- ${VALUES[Math.floor(rng() * 12)]}`);
    } else {
      lines.push(`${key}: ${VALUES[Math.floor(rng() * VALUES.length)]}`);
    }
    if (rng() < 0.1) lines.push(rng() < 0.5 ? '# a comment' : '');
  }
  return lines.join('\n') + '\n';
}

function bothReadings(content: string) {
  const text = `---\n${content}---\n`;
  const fast = findFrontmatter(text, true)!;
  const full = findFrontmatter(text, false)!;
  return { fast: { data: fast.data, problems: fast.yamlProblems, fields: readFields(fast) }, full: { data: full.data, problems: full.yamlProblems, fields: readFields(full) } };
}

describe('simple YAML reader', function () {
  this.timeout(120_000);
  it('reads the corpus frontmatter itself (it is the common case it exists for)', () => {
    let read = 0;
    for (const file of corpus(200, 3)) {
      const content = /^\uFEFF?---\r?\n([^]*?)\r?\n---/u.exec(file.text)?.[1];
      if (content === undefined) continue;
      if (readSimpleYaml(`${content}\n`)) read++;
      const { fast, full } = bothReadings(`${content.replace(/\r/gu, '')}\n`);
      assert.deepEqual(fast, full);
    }
    assert.ok(read >= 150, `fast path taken for ${read} of the corpus files`);
  });

  it('agrees with the yaml package (data, fields, field problems and their spans) on 5,000 generated frontmatters', () => {
    let fastPath = 0;
    for (let seed = 1; seed <= 5000; seed++) {
      const content = generatedFrontmatter(seed);
      if (readSimpleYaml(content)) fastPath++;
      const { fast, full } = bothReadings(content);
      assert.deepEqual(fast, full, `seed ${seed}:\n${content}`);
    }
    assert.ok(fastPath > 500 && fastPath < 5000, `both paths exercised (${fastPath} fast)`);
  });
});
