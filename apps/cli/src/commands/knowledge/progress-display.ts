import { basename } from 'node:path';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { SourceToIngest } from '@melvin/knowledge/data-access';

/**
 * Progress of each source: live bars on a terminal, a line per tenth otherwise (logs and CI),
 * always on stderr so `--json` output stays clean.
 */
export class ProgressDisplay {
  private readonly multibar = process.stderr.isTTY
    ? new MultiBar({ stream: process.stderr, format: ' {bar} {percentage}% | {kind} {file}', hideCursor: true }, Presets.shades_classic)
    : null;
  private readonly bars = new Map<SourceToIngest, SingleBar>();
  private readonly printedTenths = new Map<SourceToIngest, number>();

  update(source: SourceToIngest, fraction: number): void {
    const percent = Math.round(fraction * 100);
    if (this.multibar) {
      let bar = this.bars.get(source);
      if (!bar) {
        bar = this.multibar.create(100, 0, { kind: source.kind, file: basename(source.path) });
        this.bars.set(source, bar);
      }
      bar.update(percent);
      return;
    }
    const tenth = Math.floor(percent / 10);
    if ((this.printedTenths.get(source) ?? -1) < tenth) {
      this.printedTenths.set(source, tenth);
      process.stderr.write(`${source.kind} ${basename(source.path)}: ${percent}%\n`);
    }
  }

  stop(): void {
    this.multibar?.stop();
  }
}
