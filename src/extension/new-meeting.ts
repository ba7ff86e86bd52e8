// "Meetings: New Meeting": a dated meeting file with the method's sections, in the user's language.
import * as vscode from 'vscode';
import { todayIn } from '../core';
import { displayLocale } from './locale';

const TEMPLATES = {
  en: (date: string) => `---
title: Team meeting
date: ${date}
time: "14:00-15:00"
type: weekly
series: team-weekly
attendees:
  - 
---

# Team meeting ${date}

## Agenda
1. Follow-up from last meeting (10 min)
2. Progress (20 min)
3. Issues (20 min)
4. Action items (10 min)

## Goals

## Progress

## Issues

## Resources

## Action items
- [ ] 

## Decisions

## Summary & feedback
`,
  'zh-CN': (date: string) => `---
title: 部门周会
date: ${date}
time: "14:00-15:00"
type: weekly
series: team-weekly
attendees:
  - 
---

# 部门周会 ${date}

## 议程
1. 上次行动跟进（10 分钟）
2. 进展汇报（20 分钟）
3. 问题讨论（20 分钟）
4. 后续计划（10 分钟）

## 目标设定

## 进展汇报

## 问题讨论

## 资源需求

## 行动计划
- [ ] 

## 决议

## 会议总结与反馈
`,
};

export async function newMeeting(): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: meeting files live in a workspace.'));
    return undefined;
  }
  const date = todayIn(null);
  let uri = vscode.Uri.joinPath(folder.uri, 'meetings', date.slice(0, 4), `${date}-meeting.md`);
  for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(folder.uri, 'meetings', date.slice(0, 4), `${date}-meeting-${n}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEMPLATES[displayLocale()](date)));
  await vscode.window.showTextDocument(uri);
  return uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
