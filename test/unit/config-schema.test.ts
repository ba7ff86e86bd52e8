import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseConfig, RULE_IDS, configProblemMessage } from '../../src/core';
import schema from '../../schemas/meetings-config.schema.json';

/** A file of the repository, found from the bundled test's folder (out/test/unit) upwards. */
function repoFile(relative: string): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return join(process.cwd(), relative);
  }
}

const validate = new Ajv({ allErrors: true }).compile(schema);

function schemaAccepts(text: string): boolean {
  return validate(parse(text)) === true;
}

function validatorProblems(text: string): string[] {
  return parseConfig(text, '/workspace', RULE_IDS).problems.map((problem) => configProblemMessage(problem, 'en'));
}

describe('config schema (schemas/meetings-config.schema.json)', () => {
  it('accepts the example workspace configuration, as parseConfig does', () => {
    const text = readFileSync(repoFile('examples/.meetings.yaml'), 'utf8');
    assert.equal(schemaAccepts(text), true, JSON.stringify(validate.errors));
    assert.deepEqual(validatorProblems(text), []);
  });

  it('rejects an unknown top-level key, as parseConfig does', () => {
    const text = 'colour: red\n';
    assert.equal(schemaAccepts(text), false);
    const problems = validatorProblems(text);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /Unknown key `colour`/u);
  });

  it('rejects an unknown rule id, as parseConfig does', () => {
    const text = 'rules:\n  no-such-rule: error\n';
    assert.equal(schemaAccepts(text), false);
    const problems = validatorProblems(text);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /Unknown rule `no-such-rule`/u);
  });

  it('rejects a bad severity, as parseConfig does', () => {
    const text = 'rules:\n  action-owner: fatal\n';
    assert.equal(schemaAccepts(text), false);
    const problems = validatorProblems(text);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /Rule `action-owner`/u);
  });

  it('lists exactly the rule ids of the engine', () => {
    const ids = Object.keys(schema.properties.rules.properties);
    assert.deepEqual([...ids].sort(), [...RULE_IDS].sort());
  });

  // Each case is accepted by both or rejected by both. (`timezone` is left out: only the
  // validator knows which IANA names the runtime accepts.)
  const cases: Array<[string, string]> = [
    ['every key', 'root: true\nlocale: zh-CN\ntimezone: Asia/Shanghai\nrules: {}\npeople: []\nsections: {}\nmeetings: {}\n'],
    ['off written as false', 'rules:\n  due-format: false\n'],
    ['true as a severity', 'rules:\n  due-format: true\n'],
    ['locale', 'locale: fr\n'],
    ['root as text', 'root: yes\n'],
    ['people as names and maps', 'people:\n  - 张三\n  - name: 李四\n    aliases: lisi\n  - name: Alice Chen\n    aliases: [alice, 7]\n'],
    ['a person without a name', 'people:\n  - aliases: [x]\n'],
    ['a person with a blank name', 'people:\n  - name: " "\n'],
    ['a person as a number', 'people:\n  - 42\n'],
    ['people as a map', 'people:\n  张三: {}\n'],
    ['required sections as text and lists', "sections:\n  required:\n    '*': agenda\n    weekly: [agenda, actions]\n"],
    ['a required list with a boolean', 'sections:\n  required:\n    weekly: [agenda, true]\n'],
    ['headings as a list', 'sections:\n  headings: [x]\n'],
    ['an unknown sections key', 'sections:\n  optional: {}\n'],
    ['globs as text and lists', "meetings:\n  include: '*.md'\n  exclude: [drafts/**, templates/**]\n"],
    ['a glob as a number', 'meetings:\n  include: 5\n'],
    ['an unknown meetings key', 'meetings:\n  files: [x]\n'],
    ['a list at the top', '- rules\n'],
  ];
  for (const [name, text] of cases) {
    it(`agrees with parseConfig: ${name}`, () => {
      const problems = validatorProblems(text);
      assert.equal(schemaAccepts(text), problems.length === 0, `schema errors: ${JSON.stringify(validate.errors)}; validator: ${JSON.stringify(problems)}`);
    });
  }
});
