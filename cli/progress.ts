/**
 * The progress line on standard error: one line rewritten in place (at most a few times a second), the lines read
 * and the percent when the total is known; nothing with `--quiet`, and no rewriting when standard error is not a
 * terminal (a log gets one line per stage instead of hundreds). O(1) per call.
 *
 * @example
 *   const progress = new Progress('en', false);
 *   progress.lines('progress', 'orders.csv', 2_000_000, 10_000_000); // "reading orders.csv: 2,000,000 lines (20 %)"
 *   progress.done();
 */
import type { Lang } from '../core/labels.js';
import { formatCount } from '../core/number-format.js';
import { cliText, type CliTextKey } from './text.js';

const INTERVAL_MS = 250;

export class Progress {
  private last = 0;
  private shown = false;
  constructor(
    private readonly lang: Lang,
    private readonly quiet: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** Tells the lines done of a stage (`total` when known); throttled unless `force`. */
  lines(stage: 'progress' | 'settling', file: string, lines: number, total?: number, force = false): void {
    if (this.quiet) return;
    const now = performance.now();
    if (!force && now - this.last < INTERVAL_MS) return;
    if (!this.stream.isTTY && !force) return;
    this.last = now;
    const count = formatCount(lines, this.lang);
    const key: CliTextKey = stage === 'progress' && total ? 'progressPercent' : stage;
    const percent = total ? Math.min(100, Math.floor((100 * lines) / total)) : 0;
    this.write(cliText(key, this.lang, { file, lines: count, percent }));
  }

  /** A stage without a count. */
  say(key: CliTextKey): void {
    if (this.quiet) return;
    this.write(cliText(key, this.lang));
  }

  private write(text: string): void {
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[K${text}`);
      this.shown = true;
    } else this.stream.write(`${text}\n`);
  }

  /** Ends the rewritten line, so what follows starts on its own line. */
  done(): void {
    if (this.shown) this.stream.write('\n');
    this.shown = false;
  }
}
