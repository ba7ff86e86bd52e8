// The configuration the method rules and exports read: `decisions.requireOwner` and the e-mail of
// people, parsed with positions, merged, and accepted or rejected by the JSON Schema alike.
import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { configProblemMessage, mergeConfig, parseConfig, RULE_IDS } from '../../src/core';
import schema from '../../schemas/meetings-config.schema.json';

const validate = new Ajv({ allErrors: true }).compile(schema);

function problemsOf(text: string): Array<[string, string]> {
  return parseConfig(text, '/w', RULE_IDS).problems.map((problem) => [configProblemMessage(problem, 'en'), text.slice(problem.span.start, problem.span.end)]);
}

describe('config: decisions.requireOwner and people e-mail', () => {
  it('reads true, false and lists of meeting types; inner folders replace the setting', () => {
    assert.equal(parseConfig('decisions:\n  requireOwner: true\n', '/w', RULE_IDS).layer.decisionsRequireOwner, true);
    assert.deepEqual(parseConfig('decisions:\n  requireOwner: [weekly, review]\n', '/w', RULE_IDS).layer.decisionsRequireOwner, ['weekly', 'review']);
    const outer = parseConfig('decisions:\n  requireOwner: true\n', '/w', RULE_IDS).layer;
    const inner = parseConfig('decisions:\n  requireOwner: false\n', '/w/team', RULE_IDS).layer;
    assert.deepEqual(mergeConfig([outer]).decisions, { requireOwner: true });
    assert.deepEqual(mergeConfig([outer, inner]).decisions, { requireOwner: false });
    assert.deepEqual(mergeConfig([outer, { dir: '/w/other' }]).decisions, { requireOwner: true });
    assert.deepEqual(mergeConfig([]).decisions, { requireOwner: false });
  });

  it('reports wrong shapes where they are', () => {
    assert.deepEqual(problemsOf('decisions:\n  requireOwner: yes\n'), [['`decisions.requireOwner` must be true, false or a list of meeting types.', 'yes']]);
    assert.deepEqual(problemsOf('decisions:\n  owner: true\n'), [['Unknown key `decisions.owner` (expected one of: requireOwner).', 'owner']]);
    assert.deepEqual(problemsOf('decisions: true\n'), [['`decisions` must be a mapping with `requireOwner`.', 'true']]);
  });

  it('reads an e-mail per person and rejects what is not one', () => {
    const { layer, problems } = parseConfig('people:\n  - name: Alice Chen\n    email: alice@example.com\n  - name: Bob\n    email: not an address\n', '/w', RULE_IDS);
    assert.deepEqual(layer.people, [
      { name: 'Alice Chen', aliases: [], email: 'alice@example.com' },
      { name: 'Bob', aliases: [] },
    ]);
    assert.deepEqual(problems.map((problem) => configProblemMessage(problem, 'zh-CN')), ['`email` 必须是电子邮件地址，例如 name@example.com。']);
  });

  const cases: Array<[string, string]> = [
    ['requireOwner true', 'decisions:\n  requireOwner: true\n'],
    ['requireOwner as a list', "decisions:\n  requireOwner: [weekly, '*']\n"],
    ['requireOwner as text', 'decisions:\n  requireOwner: weekly\n'],
    ['an unknown decisions key', 'decisions:\n  owners: true\n'],
    ['decisions as a list', 'decisions: [x]\n'],
    ['an e-mail', 'people:\n  - name: Alice\n    email: alice@example.com\n'],
    ['a bad e-mail', 'people:\n  - name: Alice\n    email: alice\n'],
    ['the new rules', 'rules:\n  carry-over: error\n  section-empty: off\n  agenda-overrun: info\n  agenda-timebox: warning\n  goal-smart: off\n  resource-incomplete: error\n  decision-owner: warning\n'],
  ];
  for (const [name, text] of cases) {
    it(`the JSON Schema agrees with parseConfig: ${name}`, () => {
      const problems = problemsOf(text);
      assert.equal(validate(parseYaml(text)) === true, problems.length === 0, `schema: ${JSON.stringify(validate.errors)}; parseConfig: ${JSON.stringify(problems)}`);
    });
  }
});
