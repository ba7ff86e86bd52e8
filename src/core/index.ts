// The engine's public face: what the CLI and the extension import.
export * from './model';
export * from './calendar';
export { readDateExpression } from './date-expressions';
export { CONFIG_FILE_NAME, DEFAULT_CONFIG, mergeConfig, parseConfig } from './config';
export type { ConfigLayer, ConfigProblem, Person, ResolvedConfig } from './config';
export { parseMeeting, isExcluded } from './parse';
export type { ParseOptions } from './parse';
export { lintMeeting, severityOf } from './lint';
export type { LintOptions } from './lint';
export { applyEdits, safeFixEdits } from './edits';
export { computeLineStarts, positionOf, stripBom } from './lines';
export { message, localeFrom } from './messages';
export { RULES, RULE_IDS } from './rules';
export type { Rule } from './rules/rule';
export { SECTION_KINDS, DEFAULT_SECTION_HEADINGS, classifyHeading } from './vocabulary';
