// A seeded generator of realistic meeting notes in Chinese and English (the benchmark corpus and
// the differential test's corpus): frontmatter, the method's sections, agendas, nested action
// items in every status and notation, code blocks and comments that hide look-alike tasks.

export interface CorpusFile {
  path: string;
  text: string;
}

/** Small, fast, seeded PRNG (mulberry32): the same seed gives the same corpus everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;
const between = (rng: Rng, low: number, high: number) => low + Math.floor(rng() * (high - low + 1));

const ZH_PEOPLE = ['张三', '李四', '王五', '赵六', '陈晨', '刘洋', '周敏', '孙悦'];
const EN_PEOPLE = ['Alice Chen', 'Bob Li', 'Carol', 'Dave', 'Erin', 'Frank'];
const ZH_TASKS = ['整理用户反馈', '更新项目看板', '联系供应商确认交期', '输出活动复盘报告', '优化客服排班', '准备月度数据分析', '评审新版落地页', '招聘两名兼职客服', '跟进合同签署', '完善知识库文档'];
const EN_TASKS = ['Send the minutes to all attendees', 'Fix the SPF records', 'Draft the press release', 'Review the Q4 budget', 'Share the dashboard link', 'Book the venue', 'Update the onboarding e-mails', 'Prepare the launch checklist'];
const ZH_SECTIONS = ['议程', '目标设定', '进展汇报', '数据分析', '问题讨论', '资源需求', '行动计划', '决议', '会议总结与反馈', '后续计划', '上次行动跟进'];
const EN_SECTIONS = ['Agenda', 'Goals', 'Progress', 'Metrics', 'Issues', 'Resources', 'Action items', 'Decisions', 'Summary & feedback', 'Next steps', 'Follow-up from last meeting'];
const ZH_TEXT = ['本周客服平均响应时间降至 1.2 小时，较上周改善 20%。', '市场部广告点击率 2.3%，转化率略有下降，需要分析原因。', '销售部本月签约 48 单，完成季度目标的 76%。', '活动页面首屏加载 2.1 秒，目标是 1.5 秒以内。', '讨论了资源分配的优先级，技术支持需求最紧迫。'];
const EN_TEXT = ['Response time dropped to 1.2 hours, 20% better than last week.', 'Click-through rate is 2.3%; conversion dipped slightly and needs a look.', 'Sales closed 48 deals this month, 76% of the quarterly target.', 'We discussed resource priorities; engineering support is the most urgent.'];

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function owner(rng: Rng, zh: boolean, people: readonly string[]): string {
  const name = pick(rng, people);
  const forms = zh
    ? [`@${name}`, `负责人：${name}`, `＠${name}`, `责任人: ${name}`, `[owner:: ${name}]`, `@${name}`]
    : [`@${name.split(' ')[0]}`, `owner: ${name}`, `@${name}`, `[owner:: ${name}]`];
  return pick(rng, forms);
}

function due(rng: Rng, zh: boolean, date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const later = isoDate(y, Math.min(12, m + between(rng, 0, 1)), Math.min(28, d + between(rng, 1, 10)));
  const forms = zh
    ? [`📅 ${later}`, `截止：${later}`, `截止日期：${later}`, '截止：下周五', '截止：月底', `截止：${Number(later.slice(5, 7))}月${Number(later.slice(8))}日`, '截止：3天内', `DDL: ${later}`]
    : [`📅 ${later}`, `due: ${later}`, 'due: next Friday', `deadline: ${later}`, '[due:: ' + later + ']', 'due: tomorrow', 'due: 12/1'];
  return pick(rng, forms);
}

function actionLine(rng: Rng, zh: boolean, date: string, people: readonly string[], indent: string): string {
  const box = pick(rng, ['[ ]', '[ ]', '[ ]', '[/]', '[x]', '[X]', '[-]']);
  const marker = pick(rng, ['-', '-', '-', '*', '+']);
  const parts = [pick(rng, zh ? ZH_TASKS : EN_TASKS)];
  if (chance(rng, 0.85)) parts.push(owner(rng, zh, people));
  if (chance(rng, 0.2)) parts.push(owner(rng, zh, people));
  if (chance(rng, 0.8)) parts.push(due(rng, zh, date));
  if (chance(rng, 0.2)) parts.push(pick(rng, ['⏫', '🔼', '🔽', 'P1', 'P2', zh ? '优先级：高' : 'priority: low']));
  if (box === '[x]' || box === '[X]') parts.push(`✅ ${date}`);
  if (chance(rng, 0.05)) parts.push(`^task-${between(rng, 1, 999)}`);
  return `${indent}${marker} ${box} ${parts.join(' ')}`;
}

/** One meeting file of roughly `targetBytes` bytes. */
export function meetingFile(rng: Rng, index: number, targetBytes = 5000): string {
  const zh = chance(rng, 0.6);
  const year = pick(rng, [2024, 2025, 2026]);
  const date = isoDate(year, between(rng, 1, 12), between(rng, 1, 28));
  const people = zh ? ZH_PEOPLE.slice(0, between(rng, 3, 8)) : EN_PEOPLE.slice(0, between(rng, 3, 6));
  const series = pick(rng, ['ops-weekly', 'product-review', 'sales-sync', 'launch']);
  const lines = [
    '---',
    `title: ${zh ? '运营部门周会' : 'Operations weekly'} ${index}`,
    `date: ${date}`,
    `type: ${pick(rng, ['weekly', 'review', 'kickoff'])}`,
    `series: ${series}`,
    chance(rng, 0.5) ? 'time: "14:00-15:00"' : `duration: ${pick(rng, [30, 45, 60, 90])}`,
    chance(rng, 0.5) ? `attendees: [${people.join(', ')}]` : `${zh ? '参会人员' : 'attendees'}:\n${people.map((p) => `  - ${p}`).join('\n')}`,
    '---',
    '',
    `# ${zh ? '运营部门周会' : 'Operations weekly'} ${date}`,
    '',
  ];
  const sections = zh ? ZH_SECTIONS : EN_SECTIONS;
  let size = lines.join('\n').length;
  let sectionIndex = 0;
  while (size < targetBytes) {
    const block: string[] = [];
    const heading = sections[sectionIndex % sections.length]!;
    sectionIndex++;
    block.push(chance(rng, 0.1) ? `${heading}\n${'-'.repeat(heading.length + 2)}` : `${'#'.repeat(pick(rng, [2, 2, 3]))} ${chance(rng, 0.2) ? `${between(rng, 1, 9)}. ` : ''}${heading}`, '');
    const kind = rng();
    if (kind < 0.3) {
      const count = between(rng, 2, 6);
      for (let i = 0; i < count; i++) {
        block.push(actionLine(rng, zh, date, people, ''));
        if (chance(rng, 0.25)) block.push(actionLine(rng, zh, date, people, '  '));
        if (chance(rng, 0.1)) block.push(`  ${pick(rng, zh ? ZH_TEXT : EN_TEXT)}`);
      }
    } else if (kind < 0.45) {
      for (let i = 1; i <= between(rng, 2, 5); i++) block.push(`${i}. ${pick(rng, zh ? ZH_TASKS : EN_TASKS)}（${between(rng, 5, 30)} ${zh ? '分钟' : 'min'}）`);
    } else if (kind < 0.5) {
      block.push('```text', actionLine(rng, zh, date, people, ''), '```');
    } else if (kind < 0.55) {
      block.push('<!--', actionLine(rng, zh, date, people, ''), '-->');
    } else if (kind < 0.58) {
      block.push(`<!-- meetings-disable-next-line ${pick(rng, ['action-due', 'action-owner', ''])} -->`, actionLine(rng, zh, date, people, ''));
    } else if (kind < 0.66) {
      block.push(`| ${zh ? '部门' : 'Team'} | KPI | ${zh ? '进展' : 'Progress'} |`, '| --- | --- | --- |', `| ${pick(rng, ['市场', 'Sales'])} | ${between(rng, 1, 99)}% | ${pick(rng, ['✅', '⚠️'])} |`);
    } else if (kind < 0.7) {
      block.push(`> ${pick(rng, zh ? ZH_TEXT : EN_TEXT)}`, `> ${actionLine(rng, zh, date, people, '')}`);
    } else {
      // Most of real minutes is prose: progress, numbers, discussion.
      for (let i = between(rng, 2, 6); i > 0; i--) block.push(pick(rng, zh ? ZH_TEXT : EN_TEXT));
      if (chance(rng, 0.5)) block.push('', `- ${pick(rng, zh ? ZH_TEXT : EN_TEXT)}`, `- ${pick(rng, zh ? ZH_TEXT : EN_TEXT)}`);
    }
    block.push('');
    lines.push(...block);
    size += block.join('\n').length + 1;
  }
  let text = `${lines.join('\n')}\n`;
  if (chance(rng, 0.05)) text = text.replace(/\n/gu, '\r\n');
  if (chance(rng, 0.03)) text = `\uFEFF${text}`;
  return text;
}

/** `count` files in folders by year, with a README and a few notes that are not meetings. */
export function corpus(count: number, seed = 20261126): CorpusFile[] {
  const rng = random(seed);
  const files: CorpusFile[] = [];
  for (let i = 0; i < count; i++) {
    const path = `meetings/${2024 + (i % 3)}/${String(i).padStart(5, '0')}-meeting.md`;
    files.push({ path, text: i % 50 === 49 ? `# Notes ${i}\n\n- [ ] not a meeting, not an action\n` : meetingFile(rng, i, between(rng, 2500, 7500)) });
  }
  return files;
}
