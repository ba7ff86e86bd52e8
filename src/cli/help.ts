// Help text in the user's language.
import { localeFlagOf, localeFor } from './context';

const HELP = {
  en: {
    general: `Usage: meetings <command> [options]

Commands:
  lint [paths…]      Check meeting notes (default: the current folder)
  actions [paths…]   List open action items
  new [folder]       Create a meeting file from a template, carrying the open actions over
  report FILE        The minutes of a meeting, ready to send (Markdown or HTML)
  series [NAME]      The follow-up record of a series (without NAME: every series)

Run "meetings <command> --help" for the options of a command.
  --version          Print the version
`,
    lint: `Usage: meetings lint [paths…] [options]

Checks every meeting file under the paths (default "."), skipping node_modules, .git and
the globs excluded in .meetings.yaml. For carry-over, the previous meeting of a series is looked
up among those files and, for a file named on the command line, the other files of its folder.

Options:
  --format stylish|json|sarif|junit   Output format (default: stylish)
  --today YYYY-MM-DD                  The date "overdue" is measured against (default: today)
  --fix                               Apply safe fixes (ISO dates) to the files
  --no-cache                          Accepted for symmetry: lint always reads every file
  --max-warnings N                    Fail when there are more than N warnings
  --locale en|zh-CN                   Language of the messages
  --quiet                             Report errors only
  --color / --no-color                Force colours on or off

Exit code: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 usage or I/O failure.
`,
    actions: `Usage: meetings actions [paths…] [options]

Lists the open and in-progress action items of the meeting files under the paths.

Options:
  --all                               Every status, done and cancelled included
  --no-cache                          Read every file again (the index cache is in ~/.cache/meetings-as-code)
  --owner NAME                        Only actions of this owner (roster aliases work)
  --overdue                           Only actions past their due date
  --due-before YYYY-MM-DD             Only actions due before this date
  --today YYYY-MM-DD                  The date "overdue" is measured against (default: today)
  --format table|json|csv|markdown|ics
                                      Output format (default: table). ics: an iCalendar file
                                      with one to-do (VTODO) per action, for Outlook, Apple
                                      Reminders, Thunderbird…
  --events                            With --format ics: all-day events (VEVENT) on the due
                                      dates instead of to-dos, for Google Calendar, which does
                                      not import to-dos
  --locale en|zh-CN                   Language of headers and messages

  meetings actions --owner alice --format ics > alice.ics
`,
    new: `Usage: meetings new [folder] [options]

Creates a meeting file in the folder (default ".") from a template: the frontmatter filled in
(title, attendees, time, departments from the series' last meeting) and a "Follow-up from last
meeting" section that carries that meeting's open and in-progress actions, owners and due
dates kept (relative due dates become the ISO date they meant).

Options:
  --template NAME                     weekly, review, kickoff, retrospective, one-on-one, or a
                                      file of .meetings/templates/ (default: newMeeting.template
                                      in .meetings.yaml, else weekly)
  --list-templates                    List the templates and exit
  --series NAME                       The series; its last meeting before the date is followed up
  --date DATE                         YYYY-MM-DD, or tomorrow, next Monday, 下周一 … (default: today)
  --title TEXT                        Title (default: the series' last title, else the template's)
  --attendees "A, B"                  Attendees (default: those of the series' last meeting)
  --path-pattern PATTERN              Where the file goes (default: newMeeting.pathPattern in
                                      .meetings.yaml, else meetings/{yyyy}/{yyyy-MM-dd}-{slug}.md)
  --output FILE                       Write exactly this file instead (never overwritten)
  --stdout                            Print the meeting instead of writing it
  --locale en|zh-CN                   Language of the built-in templates and messages
  --today YYYY-MM-DD                  The date "today" means

An existing file is never overwritten: the name gets -2, -3, … instead.
Exit code: 0 created, 2 usage or I/O failure.
`,
    report: `Usage: meetings report FILE [options]

Writes the minutes of one meeting, ready to send: title, date, attendees; decisions; actions
grouped by owner with their due dates; open problems; resource requests; and what became of
the open actions of the previous meeting of its series (looked up in the file's folder). In
the meeting's language (Chinese or English, from its text).

Options:
  --format markdown|html              Output format (default: markdown). html: one
                                      self-contained page, no scripts, for e-mail or print
  --output FILE                       Write to FILE instead of the standard output (an earlier
                                      report is replaced; a meeting's notes never are)
  --locale en|zh-CN                   Language of the headings (default: the meeting's)

Exit code: 0 written, 1 written but the frontmatter is broken (no title, date or attendees),
2 usage or I/O failure, or FILE is not a meeting file.
`,
    series: `Usage: meetings series [NAME] [paths…] [options]

The follow-up record of the series NAME (the "series" field) among the meeting files under
the paths (default "."): its meetings in date order, with how many actions each one opened,
closed and carried over, how many of the previous meeting's open actions it dropped, and
which ones. Without NAME (or with --list), lists every series.

Options:
  --format table|json|markdown        Output format (default: table)
  --list                              List the series instead
  --locale en|zh-CN                   Language of headers and messages

Exit code: 0, or 2 for a usage or I/O failure or a series with no meeting.
`,
  },
  'zh-CN': {
    general: `用法：meetings <命令> [选项]

命令：
  lint [路径…]       检查会议纪要（默认：当前文件夹）
  actions [路径…]    列出未完成的行动项
  new [文件夹]       根据模板新建会议文件，并带入上次会议未完成的行动项
  report 文件        生成会议纪要，可直接发送（Markdown 或 HTML）
  series [名称]      会议系列的跟进记录（不给名称时列出所有系列）

运行 "meetings <命令> --help" 查看命令的选项。
  --version          显示版本
`,
    lint: `用法：meetings lint [路径…] [选项]

检查路径下（默认 "."）的所有会议文件，跳过 node_modules、.git 以及 .meetings.yaml 中排除的文件。
规则 carry-over 在这些文件中查找同一系列的上一次会议；对命令行中直接给出的文件，还会查找其所在文件夹中的其他文件。

选项：
  --format stylish|json|sarif|junit   输出格式（默认 stylish）
  --today YYYY-MM-DD                  判断逾期所用的日期（默认今天）
  --fix                               自动应用安全的修复（改写为 ISO 日期）
  --no-cache                          可以使用，但 lint 总是读取所有文件
  --max-warnings N                    警告多于 N 条时失败
  --locale en|zh-CN                   消息语言
  --quiet                             只报告错误
  --color / --no-color                强制开启或关闭颜色

退出码：0 无错误（且警告不超过 --max-warnings），1 有错误或警告过多，2 用法或读写错误。
`,
    actions: `用法：meetings actions [路径…] [选项]

列出路径下会议文件中未完成和进行中的行动项。

选项：
  --all                               所有状态，包括已完成和已取消
  --no-cache                          重新读取所有文件（索引缓存位于 ~/.cache/meetings-as-code）
  --owner 姓名                        只看该负责人的行动项（支持人员名单中的别名）
  --overdue                           只看已逾期的行动项
  --due-before YYYY-MM-DD             只看在该日期之前截止的行动项
  --today YYYY-MM-DD                  判断逾期所用的日期（默认今天）
  --format table|json|csv|markdown|ics
                                      输出格式（默认 table）。ics：iCalendar 文件，每个行动项
                                      一个待办（VTODO），可导入 Outlook、Apple 提醒事项、Thunderbird 等
  --events                            与 --format ics 一起使用：在截止日期生成全天日程（VEVENT）
                                      而不是待办，适用于不导入待办的 Google 日历
  --locale en|zh-CN                   表头和消息的语言

  meetings actions --owner 张三 --format ics > zhangsan.ics
`,
    new: `用法：meetings new [文件夹] [选项]

在文件夹（默认 "."）中根据模板新建会议文件：前置元数据已填好（标题、参会人员、时间、部门取自本系列上次会议），
并生成“上次行动跟进”部分，带入上次会议未完成和进行中的行动项，保留负责人和截止日期（相对日期改写为其原本表示的
ISO 日期）。

选项：
  --template 名称                     weekly、review、kickoff、retrospective、one-on-one，或 .meetings/templates/
                                      中的文件（默认：.meetings.yaml 的 newMeeting.template，否则 weekly）
  --list-templates                    列出模板后退出
  --series 名称                       会议系列；跟进该系列在此日期之前的最后一次会议
  --date 日期                         YYYY-MM-DD，或“明天”“下周一”“next Monday”等（默认今天）
  --title 文本                        标题（默认：本系列上次会议的标题，否则为模板标题）
  --attendees "张三、李四"            参会人员（默认：本系列上次会议的参会人员）
  --path-pattern 模式                 文件位置（默认：.meetings.yaml 的 newMeeting.pathPattern，
                                      否则 meetings/{yyyy}/{yyyy-MM-dd}-{slug}.md）
  --output 文件                       直接写入此文件（不会覆盖已有文件）
  --stdout                            输出会议内容而不写文件
  --locale en|zh-CN                   内置模板和消息的语言
  --today YYYY-MM-DD                  “今天”所指的日期

不会覆盖已有文件：文件名会依次加上 -2、-3 等。
退出码：0 已创建，2 用法或读写错误。
`,
    report: `用法：meetings report 文件 [选项]

生成一次会议的纪要，可直接发送：标题、日期、参会人员；决议；按负责人分组的行动项及截止日期；待解决的问题；
资源需求；以及本系列上次会议未完成行动项的跟进情况（在该文件所在文件夹中查找）。使用会议本身的语言
（根据正文判断中文或英文）。

选项：
  --format markdown|html              输出格式（默认 markdown）。html：单个独立网页，不含脚本，
                                      适合邮件或打印
  --output 文件                       写入文件而不是标准输出（会替换之前生成的纪要，
                                      但绝不覆盖会议记录本身）
  --locale en|zh-CN                   标题语言（默认与会议相同）

退出码：0 已生成，1 已生成但前置元数据有误（纪要缺少标题、日期和参会人员），2 用法或读写错误，
或该文件不是会议文件。
`,
    series: `用法：meetings series [名称] [路径…] [选项]

显示路径下（默认 "."）系列 名称（"series" 字段）的跟进记录：按日期列出各次会议，以及每次会议新增、
关闭、继续跟进的行动项数量，上次会议的未完成行动项中有多少（以及哪些）没有跟进。不给名称（或使用 --list）
时列出所有系列。

选项：
  --format table|json|markdown        输出格式（默认 table）
  --list                              列出所有系列
  --locale en|zh-CN                   表头和消息的语言

退出码：0；用法或读写错误、或该系列没有会议时为 2。
`,
  },
};

export function helpText(command: string | null, env: Record<string, string | undefined>, argv: readonly string[] = []): string {
  const locale = localeFor(localeFlagOf(argv), null, env);
  const table = HELP[locale];
  return command === 'lint' || command === 'actions' || command === 'new' || command === 'report' || command === 'series' ? table[command] : table.general;
}
