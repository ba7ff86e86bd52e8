// The "Meetings" output channel: where failures of one file or one rule are written, so the
// rest keeps working and the user can still find out what happened.
import * as vscode from 'vscode';

const RECENT_LINES = 200;

export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Meetings', { log: true });
  /** The latest messages, oldest first: an output channel cannot be read back (the tests read these). */
  readonly recent: string[] = [];

  info(message: string): void {
    this.remember('info', message);
    this.channel.info(message);
  }

  warn(message: string): void {
    this.remember('warning', message);
    this.channel.warn(message);
  }

  error(message: string, error?: unknown): void {
    const text = error instanceof Error ? `${message}: ${error.stack ?? error.message}` : error ? `${message}: ${String(error)}` : message;
    this.remember('error', text);
    this.channel.error(text);
  }

  show(): void {
    this.channel.show(true);
  }

  private remember(level: string, message: string): void {
    this.recent.push(`[${level}] ${message}`);
    if (this.recent.length > RECENT_LINES) this.recent.splice(0, this.recent.length - RECENT_LINES);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
