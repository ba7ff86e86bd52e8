// Finds and reads `.meetings.yaml` files up the folder tree, once per folder.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_FILE_NAME, mergeConfig, parseConfig, RULE_IDS, stripBom, type ConfigLayer, type ConfigProblem, type ResolvedConfig } from '../core';
import { toPosix } from './paths';

export interface ConfigFileReport {
  path: string;
  text: string;
  problems: ConfigProblem[];
}

export class ConfigLoader {
  private readonly layers = new Map<string, ConfigLayer | null>();
  private readonly resolved = new Map<string, ResolvedConfig>();
  /** Every config file read, with its problems, for reporting. */
  readonly files: ConfigFileReport[] = [];

  /** The merged config for files in `dir` (an absolute path). */
  configFor(dir: string): ResolvedConfig {
    const cached = this.resolved.get(dir);
    if (cached) return cached;
    const chain: ConfigLayer[] = [];
    for (let current = dir; ; current = dirname(current)) {
      const layer = this.layerIn(current);
      if (layer) chain.unshift(layer);
      if (layer?.root || dirname(current) === current) break;
    }
    const config = mergeConfig(chain);
    this.resolved.set(dir, config);
    return config;
  }

  private layerIn(dir: string): ConfigLayer | null {
    if (this.layers.has(dir)) return this.layers.get(dir)!;
    const path = join(dir, CONFIG_FILE_NAME);
    let layer: ConfigLayer | null = null;
    let text: string | null = null;
    try {
      text = stripBom(readFileSync(path, 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        this.files.push({ path, text: '', problems: [{ messageId: 'config.read', args: { detail: (error as Error).message }, span: { start: 0, end: 0 } }] });
      }
    }
    if (text !== null) {
      const parsed = parseConfig(text, toPosix(dir), RULE_IDS);
      layer = parsed.layer;
      this.files.push({ path, text, problems: parsed.problems });
    }
    this.layers.set(dir, layer);
    return layer;
  }
}
