// `.meetings.yaml` for the editor: read through workspace.fs (so virtual workspaces work too),
// merged up the folder tree exactly as the CLI does, cached until a config file changes.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, mergeConfig, parseConfig, RULE_IDS, type ConfigLayer, type ConfigProblem, todayIn, type ResolvedConfig } from '../core';
import { nextTurn } from './taking-turns';

export interface ConfigReport {
  uri: vscode.Uri;
  text: string;
  problems: ConfigProblem[];
}

/** Time zones whose date format was made already. */
const zonesWarmed = new Set<string>();

export class ConfigResolver {
  private readonly layers = new Map<string, Promise<ConfigLayer | null>>();
  private readonly resolved = new Map<string, Promise<ResolvedConfig>>();
  private readonly reports = new Map<string, ConfigReport>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** Config problems of every file read so far. */
  problems(): ConfigReport[] {
    return [...this.reports.values()];
  }

  configFor(document: vscode.Uri): Promise<ResolvedConfig> {
    const dir = vscode.Uri.joinPath(document, '..');
    const key = dir.toString();
    let config = this.resolved.get(key);
    if (!config) {
      config = this.resolve(dir);
      this.resolved.set(key, config);
    }
    return config;
  }

  /** Forget everything: a config file was created, changed or deleted. */
  invalidate(): void {
    this.layers.clear();
    this.resolved.clear();
    this.reports.clear();
    this.changed.fire();
  }

  private async resolve(dir: vscode.Uri): Promise<ResolvedConfig> {
    const chain: ConfigLayer[] = [];
    for (let current = dir; ; ) {
      const layer = await this.layerIn(current);
      if (layer) chain.unshift(layer);
      const parent = vscode.Uri.joinPath(current, '..');
      if (layer?.root || parent.path === current.path) break;
      current = parent;
    }
    const config = mergeConfig(chain);
    if (config.timezone && !zonesWarmed.has(config.timezone)) {
      // The first date format of a time zone takes about 30 ms: in a task of its own, not a file's.
      zonesWarmed.add(config.timezone);
      todayIn(config.timezone);
      await nextTurn();
    }
    return config;
  }

  private layerIn(dir: vscode.Uri): Promise<ConfigLayer | null> {
    const key = dir.toString();
    let layer = this.layers.get(key);
    if (!layer) {
      layer = this.read(dir);
      this.layers.set(key, layer);
    }
    return layer;
  }

  private async read(dir: vscode.Uri): Promise<ConfigLayer | null> {
    const uri = vscode.Uri.joinPath(dir, CONFIG_FILE_NAME);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return null; // no config here (or not readable as one): the parent's applies
    }
    const text = new TextDecoder().decode(bytes);
    const { layer, problems } = parseConfig(text, dir.path, RULE_IDS);
    this.reports.set(uri.toString(), { uri, text, problems });
    return layer;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * The configuration for a document: its folder's, or for an untitled (or otherwise unsaved-to-disk)
 * document that of the first workspace folder, whose roster and sections it will most likely use.
 */
export function configForDocument(configs: ConfigResolver, uri: vscode.Uri): Promise<ResolvedConfig> {
  if (uri.scheme === 'untitled' || vscode.workspace.fs.isWritableFileSystem(uri.scheme) === undefined) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? configs.configFor(vscode.Uri.joinPath(folder.uri, 'untitled.md')) : Promise.resolve(DEFAULT_CONFIG);
  }
  return configs.configFor(uri);
}
