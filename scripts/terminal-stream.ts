/** What the display writes to: process.stdout, or a test's stand-in. */
export interface TerminalOut {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
// 80 columns when the terminal does not say: the classic width every terminal has at least.
const DEFAULT_COLUMNS = 80;
// Longest line of text, whatever the terminal's width: prose wider than this is hard to read.
const MAX_TEXT_COLUMNS = 100;
const CLEAR_LINE = '\r\x1b[2K';
const UP = '\x1b[1A';
const toColumn = (column: number) => `\x1b[${column + 1}G`;

/**
 * Streamed text on a terminal with a live status line under it (spinner, words, seconds): the text is word-wrapped
 * here, so the display always knows where its last line ends and can redraw the status line below without
 * disturbing it. Off a terminal (piped to a file), only the text is written, as it arrives.
 */
export class TerminalStream {
  readonly #out: TerminalOut;
  readonly #width: number;
  readonly #live: boolean;
  #column = 0;
  #pending = '';
  #statusShown = false;
  #status = '';
  #frame = 0;

  constructor(out: TerminalOut) {
    this.#out = out;
    this.#live = out.isTTY === true;
    this.#width = Math.max(20, Math.min(MAX_TEXT_COLUMNS, (out.columns ?? DEFAULT_COLUMNS) - 1));
  }

  /** Adds text: whole words are written now, a word cut by the chunk boundary waits for the rest. */
  text(delta: string): void {
    if (!this.#live) {
      this.#out.write(delta);
      return;
    }
    this.#pending += delta;
    const cut = Math.max(this.#pending.lastIndexOf(' '), this.#pending.lastIndexOf('\n'));
    if (cut < 0) return;
    const ready = this.#pending.slice(0, cut + 1);
    this.#pending = this.#pending.slice(cut + 1);
    this.#redraw(() => this.#wrap(ready));
  }

  /** Replaces the status line (and turns the spinner one step). */
  status(line: string): void {
    this.#status = line;
    if (this.#live) this.#redraw(() => undefined);
  }

  /** Writes what is left, removes the status line and prints the summary under the text. */
  finish(summary: string): void {
    if (!this.#live) {
      this.#out.write(`\n\n${summary}\n`);
      return;
    }
    this.#hideStatus();
    this.#wrap(this.#pending);
    this.#pending = '';
    this.#out.write(`\n\n${summary}\n`);
  }

  #redraw(write: () => void): void {
    this.#hideStatus();
    write();
    const spinner = SPINNER[this.#frame++ % SPINNER.length];
    this.#out.write(`\n${CLEAR_LINE}${`${spinner} ${this.#status}`.slice(0, this.#width)}`);
    this.#statusShown = true;
  }

  #hideStatus(): void {
    if (!this.#statusShown) return;
    this.#out.write(`${CLEAR_LINE}${UP}${toColumn(this.#column)}`);
    this.#statusShown = false;
  }

  #wrap(text: string): void {
    for (const piece of text.split(/(\n| +)/)) {
      if (piece === '') continue;
      if (piece === '\n') {
        this.#out.write('\n');
        this.#column = 0;
      } else if (piece.startsWith(' ')) {
        // A line is broken at a space that does not fit; spaces at the start of a line are dropped.
        if (this.#column + piece.length >= this.#width) {
          this.#out.write('\n');
          this.#column = 0;
        } else if (this.#column > 0) {
          this.#out.write(piece);
          this.#column += piece.length;
        }
      } else {
        for (let word = piece; word.length > 0; word = word.slice(this.#width)) {
          if (this.#column > 0 && this.#column + Math.min(word.length, this.#width) > this.#width) {
            this.#out.write('\n');
            this.#column = 0;
          }
          const part = word.slice(0, this.#width);
          this.#out.write(part);
          this.#column += part.length;
        }
      }
    }
  }
}
