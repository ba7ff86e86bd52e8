// Every rule, in the order findings are listed for the same position.
import { actionDue } from './action-due';
import { actionOverdue } from './action-overdue';
import { actionOwner } from './action-owner';
import { dueBeforeMeeting } from './due-before-meeting';
import { dueFormat } from './due-format';
import { dueInvalid } from './due-invalid';
import { frontmatterField } from './frontmatter-field';
import { frontmatterYaml } from './frontmatter-yaml';
import { ownerUnknown } from './owner-unknown';
import type { Rule } from './rule';
import { sectionRequired } from './section-required';
import { agendaOverrun } from './agenda-overrun';
import { agendaTimebox } from './agenda-timebox';
import { carryOver } from './carry-over';
import { decisionOwner } from './decision-owner';
import { goalSmart } from './goal-smart';
import { resourceIncomplete } from './resource-incomplete';
import { sectionEmpty } from './section-empty';

export const RULES: readonly Rule[] = [
  frontmatterYaml,
  frontmatterField,
  actionOwner,
  actionDue,
  dueInvalid,
  dueBeforeMeeting,
  actionOverdue,
  dueFormat,
  ownerUnknown,
  sectionRequired,
  carryOver,
  sectionEmpty,
  agendaOverrun,
  agendaTimebox,
  goalSmart,
  resourceIncomplete,
  decisionOwner,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
