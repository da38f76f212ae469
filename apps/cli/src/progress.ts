import cliProgress from 'cli-progress';
import type { RunProgressEvent } from '@egov-monitor/pipeline';

export interface ProgressSink {
  onProgress(event: RunProgressEvent): void;
  stop(): void;
}

/** A live bar when stderr is a terminal; one plain line per finished site otherwise (CI logs). */
export function createProgress(
  stderr: NodeJS.WriteStream | NodeJS.WritableStream,
  isTty: boolean,
): ProgressSink {
  return isTty ? new BarProgress(stderr) : new LineProgress(stderr);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function outcomeText(event: Extract<RunProgressEvent, { type: 'site-done' }>): string {
  if (event.status === 'error') return `error ${event.errorCode ?? ''}`.trim();
  return `level ${event.level}`;
}

class LineProgress implements ProgressSink {
  constructor(private readonly out: NodeJS.WritableStream) {}

  onProgress(event: RunProgressEvent): void {
    const write = (line: string) => this.out.write(`${line}\n`);
    switch (event.type) {
      case 'run-start':
        write(
          `egov-monitor: ${event.total} site(s), ${event.toScan} to scan, ${event.concurrency} at a time → ${event.outDir}`,
        );
        break;
      case 'site-done': {
        const width = String(event.total).length;
        const counter = `[${String(event.done).padStart(width)}/${event.total}]`;
        const how =
          event.source === 'scanned'
            ? `${event.pages} page(s), ${seconds(event.elapsedMs)}`
            : event.source === 'resumed'
              ? 'kept from the interrupted run'
              : 'bad list entry, not scanned';
        write(`${counter} ${outcomeText(event)} ${event.url} (${how})`);
        break;
      }
      case 'site-retry':
        write(
          event.stage === 'start'
            ? `egov-monitor: a safety time limit cut ${event.url}; scanning it again, alone`
            : `egov-monitor: ${event.url} scanned again: kept the ${event.kept === 'retry' ? 'new' : 'first'} result`,
        );
        break;
      case 'browser-restart':
        write(`egov-monitor: restarting the browser (${event.reason})`);
        break;
      case 'run-done':
        write(`egov-monitor: done in ${seconds(event.elapsedMs)}`);
        break;
      default:
        break;
    }
  }

  stop(): void {}
}

class BarProgress implements ProgressSink {
  private readonly bar: cliProgress.SingleBar;
  private readonly active = new Map<number, number>();
  private finishedPages = 0;
  private started = false;

  constructor(out: NodeJS.WritableStream) {
    this.bar = new cliProgress.SingleBar(
      {
        stream: out,
        format:
          ' {bar} {value}/{total} sites | {pages} pages | {duration_formatted} | ETA {eta_formatted} | {current}',
        hideCursor: true,
        etaBuffer: 20,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  onProgress(event: RunProgressEvent): void {
    switch (event.type) {
      case 'run-start':
        this.bar.start(event.total, 0, { pages: 0, current: '' });
        this.started = true;
        break;
      case 'site-start':
        this.active.set(event.position, 0);
        this.bar.update({ current: event.url });
        break;
      case 'site-progress':
        this.active.set(event.position, event.pagesAnalysed);
        this.bar.update({ pages: this.pages(), current: event.url });
        break;
      case 'site-done':
        this.active.delete(event.position);
        this.finishedPages += event.pages;
        this.bar.increment(1, { pages: this.pages(), current: `${outcomeText(event)} ${event.url}` });
        break;
      default:
        break;
    }
  }

  private pages(): number {
    let pages = this.finishedPages;
    for (const count of this.active.values()) pages += count;
    return pages;
  }

  stop(): void {
    if (this.started) this.bar.stop();
    this.started = false;
  }
}
