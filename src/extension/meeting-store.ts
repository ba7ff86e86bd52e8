// Keeps the workspace's meeting index in step with the editor: the initial scan, unsaved
// buffers, saves, creations, deletions, renames and config changes. No duplicates, no ghosts:
// every entry is keyed by URI, and open documents win over their files on disk.
import * as vscode from 'vscode';
import { MeetingIndex, parseMeeting } from '../core';
import { decodeText } from '../node/encoding';
import type { ConfigResolver } from './config-resolver';
import type { Log } from './log';

export const MARKDOWN_GLOB = '**/*.{md,markdown}';
const EXCLUDED_FOLDERS = '{**/node_modules/**,**/.git/**}';
/** Yield to the extension host at least this often during the initial scan. */
const SLICE_MS = 15;

export class MeetingStore implements vscode.Disposable {
  readonly index = new MeetingIndex();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private scanGeneration = 0;
  private readonly scanning = new vscode.EventEmitter<boolean>();
  readonly onDidChangeScanning = this.scanning.event;
  isScanning = false;
  /** Every forget, numbered: a disk read that was in flight must not bring a deleted file back. */
  private forgetSeq = 0;
  private readonly existsSince = new Map<string, number>();
  private readonly forgets: Array<{ seq: number; key: string }> = [];

  constructor(
    private readonly configs: ConfigResolver,
    private readonly log: Log,
    private readonly debounceMs: () => number,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB);
    const configWatcher = vscode.workspace.createFileSystemWatcher('**/.meetings.yaml');
    // A deleted folder comes as one event for the folder (its files' events are coalesced away).
    const folderWatcher = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.disposables.push(
      watcher,
      configWatcher,
      folderWatcher,
      folderWatcher.onDidDelete((uri) => this.forget(uri)),
      watcher.onDidCreate((uri) => this.fileExists(uri)),
      watcher.onDidChange((uri) => this.fileExists(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      configWatcher.onDidCreate(() => this.configChanged()),
      configWatcher.onDidChange(() => this.configChanged()),
      configWatcher.onDidDelete(() => this.configChanged()),
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleDocument(event.document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.updateFromDocument(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.documentClosed(document)),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (isConfigFile(document.uri)) this.configChanged();
      }),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.forget(uri))),
      vscode.workspace.onDidRenameFiles((event) => {
        for (const { oldUri, newUri } of event.files) {
          this.forget(oldUri);
          void this.fileExists(newUri);
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()),
    );
  }

  /** Reads every Markdown file of the workspace, yielding so the extension host stays responsive. */
  async scan(): Promise<void> {
    const generation = ++this.scanGeneration;
    this.setScanning(true);
    try {
      const uris = await vscode.workspace.findFiles(MARKDOWN_GLOB, EXCLUDED_FOLDERS);
      const seen = new Set(uris.map((uri) => uri.toString()));
      // An open buffer counts, unless it is a saved file of the workspace that is gone from disk.
      const buffers = vscode.workspace.textDocuments.filter((document) => !document.isClosed && keepsBuffer(document, seen));
      const kept = new Set(buffers.map((document) => document.uri.toString()));
      this.index.deleteWhere((key) => !seen.has(key) && !kept.has(key));
      let sliceStart = Date.now();
      for (const uri of uris) {
        if (generation !== this.scanGeneration) return; // a newer scan took over
        await this.refreshFromDisk(uri);
        if (Date.now() - sliceStart > SLICE_MS) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          sliceStart = Date.now();
        }
      }
      for (const document of buffers) await this.updateFromDocument(document);
    } finally {
      if (generation === this.scanGeneration) this.setScanning(false);
    }
  }

  /** Re-reads a file, unless it is open: then its buffer is the truth. */
  async refreshFromDisk(uri: vscode.Uri): Promise<void> {
    if (!isMarkdown(uri)) return;
    const open = openDocument(uri);
    if (open) return this.updateFromDocument(open);
    const seq = this.forgetSeq;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      this.forget(uri); // deleted or unreadable meanwhile
      return;
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      this.log.warn(`${uri.fsPath}: ${decoded.reason === 'binary' ? 'not text (a binary file, or UTF-16 without a byte order mark)' : 'not valid UTF-8 text'}; skipped`);
      this.forget(uri);
      return;
    }
    await this.store(uri, decoded.text, null, seq);
  }

  async updateFromDocument(document: vscode.TextDocument): Promise<void> {
    if (!isMarkdown(document.uri) || document.uri.scheme === 'git' || document.uri.scheme === 'output') return;
    if (this.isDeletedBuffer(document)) return;
    await this.store(document.uri, document.getText(), document.version);
  }

  private async store(uri: vscode.Uri, text: string, version: number | null, readSeq = this.forgetSeq): Promise<void> {
    try {
      const config = await this.configs.configFor(uri);
      if (version === null && this.forgottenSince(readSeq, uri.toString())) return; // deleted while it was read
      const buffer = version !== null ? openDocument(uri) : undefined;
      if (buffer && this.isDeletedBuffer(buffer)) return;
      const current = openDocument(uri);
      // A slower disk read must not replace a newer buffer.
      if (version === null && current) return;
      if (version !== null && current && current.version !== version) return;
      const meeting = parseMeeting(text, { config, path: uri.path });
      this.index.set({ key: uri.toString(), meeting, config, version });
    } catch (error) {
      this.log.error(`${uri.fsPath}: could not be read as a meeting`, error);
    }
  }

  private scheduleDocument(document: vscode.TextDocument): void {
    if (isConfigFile(document.uri) || !isMarkdown(document.uri)) return;
    const key = document.uri.toString();
    clearTimeout(this.pendingEdits.get(key));
    this.pendingEdits.set(
      key,
      setTimeout(() => {
        this.pendingEdits.delete(key);
        void this.updateFromDocument(document);
      }, this.debounceMs()),
    );
  }

  private documentClosed(document: vscode.TextDocument): void {
    clearTimeout(this.pendingEdits.get(document.uri.toString()));
    if (document.uri.scheme === 'untitled') {
      this.forget(document.uri);
      return;
    }
    // Unsaved changes are gone with the buffer: the file on disk is the truth again.
    setTimeout(() => void this.refreshFromDisk(document.uri), 0);
  }

  /** The watcher saw the file created or changed: it exists (again). */
  private fileExists(uri: vscode.Uri): Promise<void> {
    this.existsSince.set(uri.toString(), ++this.forgetSeq);
    return this.refreshFromDisk(uri);
  }

  /**
   * A saved buffer whose file was deleted (or whose folder was) after the file was last seen:
   * VS Code keeps such documents around for a while, and they are not meetings any more.
   */
  private isDeletedBuffer(document: vscode.TextDocument): boolean {
    if (document.isDirty || document.uri.scheme !== 'file') return false;
    const key = document.uri.toString();
    const seen = this.existsSince.get(key) ?? 0;
    return this.forgottenSince(seen, key);
  }

  private forgottenSince(seq: number, key: string): boolean {
    return this.forgets.some((forget) => forget.seq > seq && (key === forget.key || key.startsWith(forget.key.endsWith('/') ? forget.key : `${forget.key}/`)));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.forgets.push({ seq: ++this.forgetSeq, key });
    if (this.forgets.length > 1000) this.forgets.splice(0, 500);
    const prefix = key.endsWith('/') ? key : `${key}/`;
    this.index.deleteWhere((other) => other === key || other.startsWith(prefix));
  }

  private configChanged(): void {
    this.configs.invalidate();
    void this.scan();
  }

  private setScanning(scanning: boolean): void {
    this.isScanning = scanning;
    this.scanning.fire(scanning);
  }

  dispose(): void {
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.disposables.forEach((disposable) => disposable.dispose());
    this.scanning.dispose();
  }
}

export function isMarkdown(uri: vscode.Uri): boolean {
  return /\.(md|markdown)$/iu.test(uri.path);
}

function isConfigFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith('/.meetings.yaml');
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key && !document.isClosed);
}

/**
 * Whether an open document is indexed from its buffer: unsaved changes, untitled or non-file
 * documents, files outside the workspace folders, and files the scan found. A saved file of a
 * workspace folder that the scan did not find was deleted: its lingering buffer is not a meeting.
 */
function keepsBuffer(document: vscode.TextDocument, found: ReadonlySet<string>): boolean {
  if (found.has(document.uri.toString()) || document.isDirty || document.isUntitled || document.uri.scheme !== 'file') return true;
  return vscode.workspace.getWorkspaceFolder(document.uri) === undefined;
}
