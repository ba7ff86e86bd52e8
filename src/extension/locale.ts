import * as vscode from 'vscode';
import { localeFrom, type Locale } from '../core';

/** Engine messages follow VS Code's display language. */
export function displayLocale(): Locale {
  return localeFrom(vscode.env.language) ?? 'en';
}
