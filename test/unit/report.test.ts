// `meetings report`: the minutes digest in Markdown and HTML. The HTML page is opened in headless
// Chromium and checked for its sections, its escaping, and its Content-Security-Policy (nothing
// runs, the stylesheet applies because its hash matches).
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { buildMinutes, DEFAULT_CONFIG, parseMeeting, renderMinutesMarkdown } from '../../src/core';
import { MINUTES_CSP, MINUTES_CSS } from '../../src/core/minutes';
import { meetings, workspaces } from './cli-support';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const workspace = workspaces('report');

const doc = (...lines: string[]) => lines.join('\n') + '\n';

const PREVIOUS = doc(
  '---',
  'title: 运营部门周会',
  'date: 2026-11-13',
  'series: ops-weekly',
  'attendees: [张三, 李四, 王五]',
  '---',
  '',
  '## 行动计划',
  '- [ ] 完成活动页图片压缩上线 @王五 📅 2026-11-19',
  '- [ ] 汇总十一月数据报告 @李四 📅 2026-11-30',
  '- [ ] 更新客服话术 @张三 📅 2026-11-18',
);

const MEETING = doc(
  '---',
  'title: 运营部门周会 <script>window.pwned = 1</script>',
  'date: 2026-11-20',
  'time: "14:00-15:00"',
  'series: ops-weekly',
  'facilitator: 张三',
  'attendees: [张三, 李四, 王五, Alice Chen]',
  '---',
  '',
  '## 上次行动跟进',
  '- [x] 完成活动页图片压缩上线 @王五 ✅ 2026-11-19',
  '- [/] 汇总十一月数据报告 @李四 📅 2026-11-30',
  '',
  '## 问题讨论',
  '1. 客服响应超过 2 小时 <img src=x onerror="window.pwned=2">',
  '   - 夜班人手不足',
  '',
  '## 资源需求',
  '- 类型：人力；数量：2 名兼职客服；申请人：张三；需要日期：2026-11-27',
  '',
  '## 决议',
  '- 十二月起客服排班按新方案执行（负责人：张三）',
  '',
  '## 后续计划',
  '- [ ] 复盘双十一活动数据 @Alice Chen 📅 2026-12-04 ⏫',
  '- [ ] 准备十二月营销日历 @王五 📅 2026-12-01',
  '- [ ] 无人认领的事项',
);

describe('report: the minutes digest', function () {
  this.timeout(60_000);

  it('says so, and exits 1, when the frontmatter is broken: the minutes lack its fields', () => {
    const broken = MEETING.replace(/^attendees: .*$/mu, (line) => line.replace(/\]$/u, ''));
    assert.notEqual(broken, MEETING);
    const dir = workspace({ '2026-11-20-ops.md': broken });
    const result = meetings(dir, 'report', '2026-11-20-ops.md');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^meetings: 2026-11-20-ops\.md:\d+: the frontmatter is not valid YAML/u);
    assert.notEqual(result.stdout, '', 'the minutes are still written');
    assert.equal(meetings(workspace({ '2026-11-20-ops.md': MEETING }), 'report', '2026-11-20-ops.md').status, 0);
    // A YAML warning alone (an unknown tag) leaves every field read: nothing to say.
    const warned = meetings(workspace({ '2026-11-20-ops.md': MEETING.replace('date: 2026-11-20', 'date: !mydate 2026-11-20') }), 'report', '2026-11-20-ops.md');
    assert.equal(warned.stderr, '');
    assert.equal(warned.status, 0);
  });

  it('never writes the report over meeting notes: the meeting itself, by any path, or another meeting; an earlier report is replaced', () => {
    const dir = workspace({ '2026-11-13-ops.md': PREVIOUS, '2026-11-20-ops.md': MEETING, 'sub/.keep': '' });
    for (const output of ['2026-11-20-ops.md', './sub/../2026-11-20-ops.md', '2026-11-13-ops.md']) {
      const result = meetings(dir, 'report', '2026-11-20-ops.md', '--output', output);
      assert.equal(result.status, 2, output);
      assert.match(result.stderr, output === '2026-11-13-ops.md' ? /is a meeting's notes: the report would replace it/u : /is the meeting file itself/u);
    }
    assert.equal(readFileSync(join(dir, '2026-11-20-ops.md'), 'utf8'), MEETING);
    assert.equal(readFileSync(join(dir, '2026-11-13-ops.md'), 'utf8'), PREVIOUS);
    for (let run = 0; run < 2; run++) assert.equal(meetings(dir, 'report', '2026-11-20-ops.md', '--output', 'minutes.md').status, 0);
    assert.match(readFileSync(join(dir, 'minutes.md'), 'utf8'), /^# 会议纪要：运营部门周会/u);
  });

  it('Markdown, in the meeting’s language, with the follow-up of the previous meeting', () => {
    const dir = workspace({ '2026-11-13-ops.md': PREVIOUS, '2026-11-20-ops.md': MEETING });
    const result = meetings(dir, 'report', '2026-11-20-ops.md');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      doc(
        '# 会议纪要：运营部门周会 <script>window.pwned = 1</script>',
        '',
        '- **日期**：2026-11-20（周五）',
        '- **时间**：14:00-15:00（60 分钟）',
        '- **系列**：ops-weekly',
        '- **主持人**：张三',
        '- **参会人员**：张三、李四、王五、Alice Chen',
        '',
        '## 决议',
        '',
        '- 十二月起客服排班按新方案执行（负责人：张三）',
        '',
        '## 行动项（按负责人）',
        '',
        '### 李四',
        '',
        '- 汇总十一月数据报告 — 截止 2026-11-30（周一） · 进行中',
        '',
        '### 王五',
        '',
        '- 准备十二月营销日历 — 截止 2026-12-01（周二） · 未完成',
        '- 完成活动页图片压缩上线 — 无截止日期 · 已完成',
        '',
        '### Alice Chen',
        '',
        '- 复盘双十一活动数据 — 截止 2026-12-04（周五） · 未完成 · ⏫',
        '',
        '### 未指派',
        '',
        '- 无人认领的事项 — 无截止日期 · 未完成',
        '',
        '## 待解决的问题',
        '',
        '- 客服响应超过 2 小时 <img src=x onerror="window.pwned=2">',
        '  - 夜班人手不足',
        '',
        '## 资源需求',
        '',
        '- 类型：人力；数量：2 名兼职客服；申请人：张三；需要日期：2026-11-27',
        '',
        '## 上次会议行动项跟进',
        '',
        '运营部门周会（2026-11-13）之后仍未完成的行动项：',
        '',
        '- ✓ 完成活动页图片压缩上线（王五） — 已关闭',
        '- → 汇总十一月数据报告（李四） — 已跟进，仍在进行',
        '- ✗ 更新客服话术（张三） — 未跟进',
        '',
        '---',
        '',
        '由 Meetings as Code 根据 2026-11-20-ops.md 生成。',
      ),
    );
    assert.equal(meetings(dir, 'report', '2026-11-20-ops.md', '--locale', 'en').stdout.split('\n')[0], '# Minutes: 运营部门周会 <script>window.pwned = 1</script>');
  });

  it('English meetings get English minutes; no previous meeting is said so', () => {
    const text = doc('---', 'title: Q4 review', 'date: 2026-11-18', 'duration: 90', 'attendees: [Alice, Bob]', '---', '', '## Action items', '- [ ] Fix SPF records @Bob due: 2026-11-25');
    const markdown = renderMinutesMarkdown(buildMinutes(parseMeeting(text), { key: '/x/q4.md', config: DEFAULT_CONFIG }));
    assert.match(markdown, /^# Minutes: Q4 review\n\n- \*\*Date\*\*: 2026-11-18 \(Wed\)\n- \*\*Duration\*\*: 90 min\n/u);
    assert.match(markdown, /\n### Bob\n\n- Fix SPF records — due 2026-11-25 \(Wed\) · open\n/u);
    assert.match(markdown, /\n## Follow-up of the previous meeting\n\nNo previous meeting of this series is known\.\n/u);
  });

  it('exit 2 for a file that is not a meeting, or for a folder', () => {
    const dir = workspace({ 'notes.md': '# just notes\n', 'sub/a.md': MEETING });
    assert.equal(meetings(dir, 'report', 'notes.md').status, 2);
    assert.equal(meetings(dir, 'report', 'sub').status, 2);
    assert.equal(meetings(dir, 'report').status, 2);
  });

  describe('HTML in headless Chromium', () => {
    let browser: Browser;
    before(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
      });
    });
    after(async () => {
      await browser?.close();
    });

    it('has every section, escapes workspace text, runs nothing and keeps its own style under a strict CSP', async () => {
      const dir = workspace({ '2026-11-13-ops.md': PREVIOUS, '2026-11-20-ops.md': MEETING });
      const result = meetings(dir, 'report', '2026-11-20-ops.md', '--format', 'html', '--output', 'minutes.html');
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, '');
      const html = readFileSync(join(dir, 'minutes.html'), 'utf8');
      assert.ok(!/<script/iu.test(html.replace(/&lt;script/gu, '')), 'no script element');
      // The CSP's style hash is the stylesheet's, computed independently here.
      const hash = createHash('sha256').update(MINUTES_CSS).digest('base64');
      assert.ok(MINUTES_CSP.includes(`'sha256-${hash}'`), MINUTES_CSP);
      assert.match(MINUTES_CSP, /^default-src 'none';/u);

      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => problems.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(join(dir, 'minutes.html')).href);

      // Evaluated in the page (the unit tests are type-checked without the DOM library).
      const view = (await page.evaluate(`(() => {
        const text = (selector) => Array.from(document.querySelectorAll(selector), (node) => (node.textContent || '').trim());
        return {
          lang: document.documentElement.lang,
          title: document.title,
          h1: text('h1'),
          sections: Array.from(document.querySelectorAll('section'), (section) => [section.id, section.querySelector('h2')?.textContent || '']),
          facts: text('dl.facts dt').map((label, index) => label + '=' + text('dl.facts dd')[index]),
          owners: text('#actions h3'),
          actions: text('#actions li .text'),
          problems: text('#problems > ul > li'),
          followUp: Array.from(document.querySelectorAll('#followup li'), (li) => [li.className, (li.textContent || '').trim()]),
          pwned: window.pwned ?? null,
          scripts: document.scripts.length,
          images: document.images.length,
          csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
          mainWidth: getComputedStyle(document.querySelector('main')).maxWidth,
          bodyMargin: getComputedStyle(document.body).margin,
        };
      })()`)) as Record<string, unknown>;
      await page.close();

      assert.equal(view.lang, 'zh-CN');
      assert.equal(view.title, '会议纪要：运营部门周会 <script>window.pwned = 1</script>');
      assert.deepEqual(view.h1, ['会议纪要：运营部门周会 <script>window.pwned = 1</script>']);
      assert.deepEqual(view.sections, [
        ['decisions', '决议'],
        ['actions', '行动项（按负责人）'],
        ['problems', '待解决的问题'],
        ['resources', '资源需求'],
        ['followup', '上次会议行动项跟进'],
      ]);
      assert.deepEqual(view.facts, ['日期=2026-11-20（周五）', '时间=14:00-15:00（60 分钟）', '系列=ops-weekly', '主持人=张三', '参会人员=张三、李四、王五、Alice Chen']);
      assert.deepEqual(view.owners, ['李四', '王五', 'Alice Chen', '未指派']);
      assert.deepEqual(view.actions, ['汇总十一月数据报告', '准备十二月营销日历', '完成活动页图片压缩上线', '复盘双十一活动数据', '无人认领的事项']);
      assert.deepEqual(view.problems, ['客服响应超过 2 小时 <img src=x onerror="window.pwned=2">夜班人手不足']);
      assert.deepEqual(view.followUp, [
        ['followup-closed', '✓ 完成活动页图片压缩上线（王五） 已关闭'],
        ['followup-carried', '→ 汇总十一月数据报告（李四） 已跟进，仍在进行'],
        ['followup-dropped', '✗ 更新客服话术（张三） 未跟进'],
      ]);
      assert.equal(view.pwned, null, 'no workspace text ran as script');
      assert.equal(view.scripts, 0);
      assert.equal(view.images, 0, 'workspace text made no element');
      assert.equal(view.csp, MINUTES_CSP);
      assert.equal(view.mainWidth, '736px', 'the stylesheet applies (46rem): its CSP hash is right');
      assert.equal(view.bodyMargin, '0px');
      assert.deepEqual(problems, [], 'no CSP violation or error in the console');
      assert.deepEqual(requests.filter((url) => !url.startsWith('file:')), [], 'nothing is fetched');
    });
  });
});
