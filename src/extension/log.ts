// The "Meetings" output channel: where failures of one file or one rule are written, so the
// rest keeps working and the user can still find out what happened.
import * as vscode from 'vscode';

export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Meetings', { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string, error?: unknown): void {
    this.channel.error(error instanceof Error ? `${message}: ${error.stack ?? error.message}` : error ? `${message}: ${String(error)}` : message);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
