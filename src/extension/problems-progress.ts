// The tree's progress bar ends with the scan; the problems of a large workspace's closed files
// take longer. While they are worked out, the status bar says so, with the files left.
import * as vscode from 'vscode';

/** Shorter runs (a neighbour's change, a small workspace) show nothing: a flicker tells nothing. */
const DELAY_MS = 1_000;
/** VS Code redraws the status bar for each report. */
const REPORT_EVERY_MS = 500;

export class ProblemsProgress implements vscode.Disposable {
  /** How long a run goes on before it is shown (tests shorten it). */
  delayMs = DELAY_MS;
  /** The message shown, or null when nothing is. */
  message: string | null = null;
  private readonly reported = new vscode.EventEmitter<string>();
  /** Each message as it is shown (a run can be over before a poll would see it). */
  readonly onDidReport = this.reported.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown: { report: (message: string) => void; end: () => void } | null = null;
  private lastReport = 0;
  /** Counts shows and ends, so a show that VS Code starts late knows it has ended already. */
  private runs = 0;

  /** `left()`: the files whose problems are not shown yet. */
  constructor(private readonly left: () => number) {}

  /** A run of work began: shown if it is still going after `delayMs`. */
  started(): void {
    if (this.timer || this.shown) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const run = ++this.runs;
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking meeting notes') }, (progress) =>
        new Promise<void>((end) => {
          if (run !== this.runs) return end(); // ended before VS Code ran this
          this.shown = { report: (message) => progress.report({ message }), end };
          this.update(true);
        }),
      );
    }, this.delayMs);
  }

  /** Some files are done. */
  update(now = false): void {
    if (!this.shown || (!now && Date.now() - this.lastReport < REPORT_EVERY_MS)) return;
    this.lastReport = Date.now();
    const left = this.left();
    this.message = left === 1 ? vscode.l10n.t('1 file left') : vscode.l10n.t('{0} files left', left.toLocaleString(vscode.env.language));
    this.shown.report(this.message);
    this.reported.fire(this.message);
  }

  ended(): void {
    this.runs++;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.shown?.end();
    this.shown = null;
    this.message = null;
  }

  dispose(): void {
    this.ended();
    this.reported.dispose();
  }
}
