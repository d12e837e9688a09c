import { duration, say, type Lang } from './messages';

// One verdict line per page on stdout; on a terminal, a progress line below them that rewrites itself (stderr), and
// when the output goes to a file or a pipe, plain progress lines instead, which logs keep readable.

export interface Progress {
  /** Prints a page's line, above the progress line (tick() draws it again). */
  line(text: string): void;
  /** One more page finished; `timed` when the browser spent time on it (the estimate of the time left uses those). */
  tick(failed: boolean, timed?: boolean): void;
  end(): void;
}

type Stream = { write(s: string): unknown; isTTY?: boolean };

export function progress(total: number, lang: Lang, out: Stream = process.stdout, err: Stream = process.stderr): Progress {
  const started = Date.now();
  let done = 0;
  let timedDone = 0;
  let failures = 0;
  const tty = Boolean(err.isTTY);
  const status = () => {
    const left = timedDone ? ((Date.now() - started) / timedDone) * (total - done) : NaN;
    return say(lang, 'progress', [done, total, failures, Number.isFinite(left) ? duration(left) : '?']);
  };
  const clear = () => tty && err.write('\r\x1b[2K');
  // The browser takes a few seconds to start: say at once that the run has begun.
  if (tty && total > 0) err.write(status());
  return {
    line(text) {
      clear();
      out.write(`${text}\n`);
    },
    tick(failed, timed = true) {
      done++;
      if (timed) timedDone++;
      if (failed) failures++;
      if (tty) {
        clear();
        if (done < total) err.write(status());
      } else err.write(`${status()}\n`);
    },
    end: () => void clear(),
  };
}
