// Help text in the user's language.
import { localeFrom } from '../core';

const HELP = {
  en: {
    general: `Usage: meetings <command> [options]

Commands:
  lint [paths…]      Check meeting notes (default: the current folder)
  actions [paths…]   List open action items

Run "meetings <command> --help" for the options of a command.
  --version          Print the version
`,
    lint: `Usage: meetings lint [paths…] [options]

Checks every meeting file under the paths (default "."), skipping node_modules, .git and
the globs excluded in .meetings.yaml.

Options:
  --format stylish|json|sarif|junit   Output format (default: stylish)
  --today YYYY-MM-DD                  The date "overdue" is measured against (default: today)
  --fix                               Apply safe fixes (ISO dates) to the files
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
  --owner NAME                        Only actions of this owner (roster aliases work)
  --overdue                           Only actions past their due date
  --due-before YYYY-MM-DD             Only actions due before this date
  --today YYYY-MM-DD                  The date "overdue" is measured against (default: today)
  --format table|json|csv|markdown    Output format (default: table)
  --locale en|zh-CN                   Language of headers and messages
`,
  },
  'zh-CN': {
    general: `用法：meetings <命令> [选项]

命令：
  lint [路径…]       检查会议纪要（默认：当前文件夹）
  actions [路径…]    列出未完成的行动项

运行 "meetings <命令> --help" 查看命令的选项。
  --version          显示版本
`,
    lint: `用法：meetings lint [路径…] [选项]

检查路径下（默认 "."）的所有会议文件，跳过 node_modules、.git 以及 .meetings.yaml 中排除的文件。

选项：
  --format stylish|json|sarif|junit   输出格式（默认 stylish）
  --today YYYY-MM-DD                  判断逾期所用的日期（默认今天）
  --fix                               自动应用安全的修复（改写为 ISO 日期）
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
  --owner 姓名                        只看该负责人的行动项（支持人员名单中的别名）
  --overdue                           只看已逾期的行动项
  --due-before YYYY-MM-DD             只看在该日期之前截止的行动项
  --today YYYY-MM-DD                  判断逾期所用的日期（默认今天）
  --format table|json|csv|markdown    输出格式（默认 table）
  --locale en|zh-CN                   表头和消息的语言
`,
  },
};

export function helpText(command: string | null, env: Record<string, string | undefined>, argv: readonly string[] = []): string {
  const flag = argv.indexOf('--locale');
  const locale = localeFrom(flag >= 0 ? argv[flag + 1] : null) ?? localeFrom(env.LC_ALL || env.LC_MESSAGES || env.LANG) ?? 'en';
  const table = HELP[locale];
  return command === 'lint' || command === 'actions' ? table[command] : table.general;
}
