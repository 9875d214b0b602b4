import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * Where JSON text goes, a piece at a time: a file or a stream. `write` may buffer; `drain` writes
 * what is buffered and waits until the output takes more (a writer calls it every few hundred items,
 * so that no output is ever held whole in memory).
 */
export interface TextOut {
  write(text: string): void;
  drain(): Promise<void>;
}

const CHUNK_CHARS = 1 << 20;

/** Text buffered in ~1 MB pieces and handed on whole: the shared part of every TextOut here. */
export abstract class BufferedOut implements TextOut {
  private pieces: string[] = [];
  private chars = 0;

  write(text: string): void {
    this.pieces.push(text);
    this.chars += text.length;
    if (this.chars >= CHUNK_CHARS) this.flush();
  }

  async drain(): Promise<void> {
    this.flush();
  }

  /** Hands on what is buffered. */
  flush(): void {
    if (this.chars === 0) return;
    const text = this.pieces.join('');
    this.pieces = [];
    this.chars = 0;
    this.put(text);
  }

  protected abstract put(text: string): void;
}

/** Text written to an open file descriptor, synchronously, in ~1 MB pieces. */
export class FileOut extends BufferedOut {
  constructor(readonly fd: number) {
    super();
  }

  protected put(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at);
  }
}

/** Text written to a stream (standard output), waiting for it to drain when it asks to. */
export class StreamOut extends BufferedOut {
  private full = false;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
  }

  protected put(text: string): void {
    if (!this.stream.write(text)) this.full = true;
  }

  override async drain(): Promise<void> {
    this.flush();
    if (!this.full) return;
    this.full = false;
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        if (err) reject(err);
        else resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
    });
  }
}

/**
 * A temporary file holding one array's items while another array is written (see indexJson.ts),
 * copied into the output afterwards. `count` is how many items it holds.
 */
export class SpillFile {
  private readonly out: FileOut;
  count = 0;

  constructor(readonly file: string) {
    this.out = new FileOut(openSync(file, 'w+'));
  }

  write(text: string): void {
    this.out.write(text);
  }

  /** Copies the whole file to `to` and closes it. */
  async copyTo(to: TextOut): Promise<void> {
    this.out.flush();
    const buffer = Buffer.alloc(CHUNK_CHARS);
    const decoder = new StringDecoder('utf8'); // a piece may end inside a character
    for (let at = 0; ; ) {
      const n = readSync(this.out.fd, buffer, 0, buffer.length, at);
      if (n === 0) break;
      at += n;
      to.write(decoder.write(buffer.subarray(0, n)));
      await to.drain();
    }
    to.write(decoder.end());
    this.close();
  }

  close(): void {
    try {
      closeSync(this.out.fd);
    } catch {
      // closed already
    }
  }
}

/**
 * One array of a JSON object written item by item, as JSON.stringify(object, null, 2) lays it out:
 * each item on its own lines, indented by `depth` levels of two spaces.
 */
export class JsonArrayOut {
  private first = true;

  constructor(
    private readonly out: { write(text: string): void },
    private readonly depth = 2,
  ) {}

  /** Adds one item (any JSON value). */
  add(item: unknown): void {
    // JSON.stringify escapes line breaks inside strings: every "\n" in its output is layout
    this.out.write(this.separator() + JSON.stringify(item, null, 2).replace(/\n/g, `\n${this.indent}`));
  }

  /** What goes before the next item (written by the caller, when it writes that item itself). */
  separator(): string {
    const text = `${this.first ? '\n' : ',\n'}${this.indent}`;
    this.first = false;
    return text;
  }

  private get indent(): string {
    return ' '.repeat(this.depth * 2);
  }

  get empty(): boolean {
    return this.first;
  }
}

/** The closing bracket of an array written with JsonArrayOut whose items are `empty` or not, at `depth`. */
export function closeArray(empty: boolean, depth = 2): string {
  return empty ? ']' : `\n${' '.repeat((depth - 1) * 2)}]`;
}
