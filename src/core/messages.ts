// Every user-visible string of the engine, in English and Chinese. Placeholders are `{name}`;
// a key ending in `.one` / `.other` is chosen by the `count` argument.
import type { Locale } from './model';

const en = {
  'frontmatter-yaml.invalid': 'Frontmatter is not valid YAML: {detail}',
  'frontmatter-yaml.unclosed': 'Frontmatter is not closed: add a line `---` after the fields.',
  'field.no-frontmatter': 'This meeting file has no frontmatter: start it with `---`, `date:` and `attendees:`.',
  'field.date-missing': 'The meeting has no date: add `date: YYYY-MM-DD`.',
  'field.date-invalid': 'Meeting date “{value}” is not a date in YYYY-MM-DD form.',
  'field.attendees-not-list': 'Attendees should be a YAML list, one name per item.',
  'field.attendee-not-name': 'Each attendee should be a name.',
  'field.not-text': '`{key}` should be text.',
  'field.not-text-list': '`{key}` should be text or a list of text.',
  'field.timezone': 'Unknown time zone “{value}”: use an IANA name such as Asia/Shanghai.',
  'field.duration': '`duration` should be minutes, such as 60, 90min or 1.5h.',
  'field.time': '`time` should be a range such as "14:00-15:00" that ends after it starts.',
  'action-owner.missing': 'Action item has no owner: add @name or “owner: name”.',
  'action-due.missing': 'Action item has no due date: add 📅 YYYY-MM-DD or “due: YYYY-MM-DD”.',
  'due-invalid.unreadable': 'Cannot read the due date “{value}”: write it as YYYY-MM-DD.',
  'due-invalid.ambiguous': 'Due date “{value}” is ambiguous (month/day or day/month?): write it as YYYY-MM-DD.',
  'due-invalid.impossible': 'Due date “{value}” does not exist in the calendar.',
  'due-invalid.needs-meeting-date': 'Relative due date “{value}” needs the meeting’s `date` in the frontmatter.',
  'due-invalid.missing': 'Due marker without a date: write YYYY-MM-DD after it.',
  'due-before-meeting.before': 'Due date {due} is before the meeting date {date}.',
  'action-overdue.one': 'Overdue by {count} day: it was due {due} ({weekday}).',
  'action-overdue.other': 'Overdue by {count} days: it was due {due} ({weekday}).',
  'due-format.rewrite': 'Write “{value}” as {iso} ({weekday}) so the note means the same date later.',
  'owner-unknown.unknown': 'Owner “{name}” is neither an attendee of this meeting nor in the people roster.',
  'section-required.missing-typed': 'A “{type}” meeting needs the section “{section}”.',
  'section-required.missing': 'This meeting needs the section “{section}”.',
  'fix.rewrite-date': 'Rewrite as {iso} ({weekday})',
  'fix.read-as': 'Read as {iso} ({weekday})',
  'fix.assign': 'Assign to {name}',
  'fix.due-in-week': 'Due {iso} ({weekday}, one week after the meeting)',
  'fix.due-end-of-month': 'Due {iso} ({weekday}, end of the month)',
  'fix.due-next-meeting': 'Due {iso} ({weekday}, the next meeting of the series)',
  'fix.disable-line': 'Disable {rule} for this line',
  'fix.add-section': 'Add section “{heading}”',
  'fix.attendees-list': 'Rewrite attendees as a list',
  'fix.date-iso': 'Rewrite the date as {iso}',
  'config.yaml': 'The configuration is not valid YAML: {detail}',
  'config.read': 'Cannot read the configuration: {detail}',
  'config.not-mapping': 'The configuration must be a mapping of keys (rules, people, sections, …).',
  'config.root': '`root` must be true or false.',
  'config.locale': '`locale` must be "en" or "zh-CN".',
  'config.timezone': '`timezone` must be an IANA time zone such as "Asia/Shanghai".',
  'config.unknown-key': 'Unknown key `{key}` (expected one of: {expected}).',
  'config.rules': '`rules` must map rule ids to error, warning, info or off.',
  'config.unknown-rule': 'Unknown rule `{rule}`.',
  'config.severity': 'Rule `{rule}`: use error, warning, info or off.',
  'config.string-list': '`{key}` must be a list of strings.',
  'config.people': '`people` must be a list of names or of {name, aliases}.',
  'config.person-name': 'Each person needs a `name`.',
  'config.sections': '`sections` must be a mapping with `required` and/or `headings`.',
  'config.sections-table': '`{key}` must map names to lists.',
  'config.meetings': '`meetings` must be a mapping with `include` and/or `exclude` globs.',
  'weekday.1': 'Mon', 'weekday.2': 'Tue', 'weekday.3': 'Wed', 'weekday.4': 'Thu', 'weekday.5': 'Fri', 'weekday.6': 'Sat', 'weekday.7': 'Sun',
};

export type MessageId = keyof typeof en;

const zhCN: Record<MessageId, string> = {
  'frontmatter-yaml.invalid': '前置元数据（frontmatter）不是有效的 YAML：{detail}',
  'frontmatter-yaml.unclosed': '前置元数据没有结束：请在字段之后加一行 `---`。',
  'field.no-frontmatter': '会议文件缺少前置元数据：请以 `---`、`date:` 和 `attendees:` 开头。',
  'field.date-missing': '会议缺少日期：请添加 `date: YYYY-MM-DD`。',
  'field.date-invalid': '会议日期“{value}”不是 YYYY-MM-DD 格式的日期。',
  'field.attendees-not-list': '参会人员应写成 YAML 列表，每项一个名字。',
  'field.attendee-not-name': '每位参会人员应为一个名字。',
  'field.not-text': '`{key}` 应为文本。',
  'field.not-text-list': '`{key}` 应为文本或文本列表。',
  'field.timezone': '未知时区“{value}”：请使用 IANA 名称，例如 Asia/Shanghai。',
  'field.duration': '`duration` 应为分钟数，例如 60、90min 或 1.5h。',
  'field.time': '`time` 应为时间段，例如 "14:00-15:00"，且结束晚于开始。',
  'action-owner.missing': '行动项没有负责人：请添加 @姓名 或“负责人：姓名”。',
  'action-due.missing': '行动项没有截止日期：请添加 📅 YYYY-MM-DD 或“截止：YYYY-MM-DD”。',
  'due-invalid.unreadable': '无法识别截止日期“{value}”：请写成 YYYY-MM-DD。',
  'due-invalid.ambiguous': '截止日期“{value}”有歧义（月/日还是日/月？）：请写成 YYYY-MM-DD。',
  'due-invalid.impossible': '截止日期“{value}”在日历上不存在。',
  'due-invalid.needs-meeting-date': '相对截止日期“{value}”需要前置元数据中的会议日期 `date`。',
  'due-invalid.missing': '截止标记后没有日期：请在其后写 YYYY-MM-DD。',
  'due-before-meeting.before': '截止日期 {due} 早于会议日期 {date}。',
  'action-overdue.one': '已逾期 {count} 天：截止日期为 {due}（{weekday}）。',
  'action-overdue.other': '已逾期 {count} 天：截止日期为 {due}（{weekday}）。',
  'due-format.rewrite': '请将“{value}”写成 {iso}（{weekday}），以免日后含义改变。',
  'owner-unknown.unknown': '负责人“{name}”既不是本次参会人员，也不在人员名单中。',
  'section-required.missing-typed': '“{type}”类型的会议需要“{section}”部分。',
  'section-required.missing': '本次会议需要“{section}”部分。',
  'fix.rewrite-date': '改写为 {iso}（{weekday}）',
  'fix.read-as': '按 {iso}（{weekday}）理解',
  'fix.assign': '指派给 {name}',
  'fix.due-in-week': '截止 {iso}（{weekday}，会后一周）',
  'fix.due-end-of-month': '截止 {iso}（{weekday}，月底）',
  'fix.due-next-meeting': '截止 {iso}（{weekday}，本系列下次会议）',
  'fix.disable-line': '在此行禁用 {rule}',
  'fix.add-section': '添加“{heading}”部分',
  'fix.attendees-list': '将参会人员改写为列表',
  'fix.date-iso': '将日期改写为 {iso}',
  'config.yaml': '配置不是有效的 YAML：{detail}',
  'config.read': '无法读取配置：{detail}',
  'config.not-mapping': '配置必须是键值映射（rules、people、sections 等）。',
  'config.root': '`root` 必须是 true 或 false。',
  'config.locale': '`locale` 必须是 "en" 或 "zh-CN"。',
  'config.timezone': '`timezone` 必须是 IANA 时区，例如 "Asia/Shanghai"。',
  'config.unknown-key': '未知的键 `{key}`（应为以下之一：{expected}）。',
  'config.rules': '`rules` 必须把规则 id 映射为 error、warning、info 或 off。',
  'config.unknown-rule': '未知的规则 `{rule}`。',
  'config.severity': '规则 `{rule}`：请使用 error、warning、info 或 off。',
  'config.string-list': '`{key}` 必须是字符串列表。',
  'config.people': '`people` 必须是名字列表，或 {name, aliases} 列表。',
  'config.person-name': '每个人都需要 `name`。',
  'config.sections': '`sections` 必须是包含 `required` 和/或 `headings` 的映射。',
  'config.sections-table': '`{key}` 必须把名称映射为列表。',
  'config.meetings': '`meetings` 必须是包含 `include` 和/或 `exclude` 通配符的映射。',
  'weekday.1': '周一', 'weekday.2': '周二', 'weekday.3': '周三', 'weekday.4': '周四', 'weekday.5': '周五', 'weekday.6': '周六', 'weekday.7': '周日',
};

const TABLES: Record<Locale, Record<MessageId, string>> = { en, 'zh-CN': zhCN };

export type MessageArgs = Record<string, string | number>;

export function message(locale: Locale, id: MessageId, args: MessageArgs = {}): string {
  return TABLES[locale][id].replace(/\{(\w+)\}/gu, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

export function countedMessage(locale: Locale, stem: 'action-overdue', args: MessageArgs & { count: number }): string {
  return message(locale, `${stem}.${args.count === 1 ? 'one' : 'other'}`, args);
}

export function isMessageId(id: string): id is MessageId {
  return id in en;
}

/** `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans` → zh-CN; everything else English. */
export function localeFrom(value: string | undefined | null): Locale | null {
  if (!value) return null;
  if (/^zh/iu.test(value)) return 'zh-CN';
  if (/^en/iu.test(value) || /^(C|POSIX)(\.|$)/u.test(value)) return 'en';
  return null;
}
