// Why a file could not be read or written, as data: the CLI says it in the user's language, the
// editor's log in English.
import { message, type Locale } from '../core';
import type { Undecodable } from './encoding';

export type FileReasonId =
  | 'missing'
  | 'permission'
  | 'folder'
  | 'not-folder'
  | 'not-regular'
  | 'loop'
  | 'path-part'
  | 'exists'
  | 'binary'
  | 'invalid-utf8'
  | 'invalid-utf16'
  | 'internal'
  | 'other';

/** `detail`: the system's own words, for a reason without words of ours (`other`, `internal`). */
export interface FileReason {
  id: FileReasonId;
  detail?: string;
}

export function fsErrorReason(error: unknown): FileReason {
  const { code, syscall, message: detail } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT') return { id: 'missing' };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { id: 'permission' };
  if (code === 'EISDIR') return { id: 'folder' };
  if (code === 'ENOTDIR') return { id: 'path-part' };
  if (code === 'EEXIST') return { id: syscall === 'mkdir' ? 'path-part' : 'exists' };
  if (code === 'ELOOP') return { id: 'loop' };
  return { id: 'other', detail: String(detail ?? error) };
}

export function undecodableReason(reason: Undecodable): FileReason {
  return { id: reason };
}

export function reasonText(reason: FileReason, locale: Locale): string {
  return message(locale, `file.${reason.id}`, { detail: reason.detail ?? '' });
}
