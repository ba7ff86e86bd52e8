// Reading meeting files from disk and running the engine on them: shared by every CLI command.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isExcluded, parseMeeting, type Meeting, type ResolvedConfig } from '../core';
import type { ConfigLoader } from './config-loader';
import { decodeText, type TextEncodingName } from './encoding';
import { fsErrorReason, undecodableReason, type FileReason } from './file-reason';
import { toPosix } from './paths';

export type LoadedFile =
  | { kind: 'meeting'; path: string; meeting: Meeting; config: ResolvedConfig; encoding: TextEncodingName }
  | { kind: 'skipped'; path: string }
  | { kind: 'unreadable'; path: string; reason: FileReason };

export function loadFile(path: string, configs: ConfigLoader): LoadedFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { kind: 'unreadable', path, reason: fsErrorReason(error) };
  }
  // An engine failure on one file is reported for that file; the other files are still read.
  try {
    const config = configs.configFor(dirname(path));
    const posixPath = toPosix(path);
    if (isExcluded(posixPath, config)) return { kind: 'skipped', path };
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      return { kind: 'unreadable', path, reason: undecodableReason(decoded.reason) };
    }
    const meeting = parseMeeting(decoded.text, { config, path: posixPath });
    if (!meeting.meetingReason) return { kind: 'skipped', path };
    return { kind: 'meeting', path, meeting, config, encoding: decoded.encoding };
  } catch (error) {
    return { kind: 'unreadable', path, reason: { id: 'internal', detail: (error as Error).message } };
  }
}

/** Parses new text of an already loaded meeting (after fixes) with the same config and path. */
export function reparse(text: string, loaded: Extract<LoadedFile, { kind: 'meeting' }>): Meeting {
  return parseMeeting(text, { config: loaded.config, path: toPosix(loaded.path) });
}
