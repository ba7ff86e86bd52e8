import { pendingActions, type Rule } from './rule';

export const ownerUnknown: Rule = {
  id: 'owner-unknown',
  defaultSeverity: 'warning',
  description: {
    en: 'An owner is neither an attendee nor in the people roster (only when attendees are listed).',
    'zh-CN': '负责人既不是参会人员，也不在人员名单中（仅在列出参会人员时检查）。',
  },
  check({ meeting, t, report }) {
    if (meeting.fields.attendees.length === 0) return;
    for (const action of pendingActions(meeting)) {
      if (action.ownersInherited) continue;
      for (const owner of action.owners) {
        if (!owner.known) report({ span: owner.span, message: t('owner-unknown.unknown', { name: owner.written }) });
      }
    }
  },
};
