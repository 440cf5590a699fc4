import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Closes a saved file once nothing can read from it any more. */
const closing = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to release.
  }
});

/**
 * A saved file (the parsed corpus, the index) read a piece at a time, as its readers need them: at 1000× the seeds
 * each is about 100 MB, of which a start needs the headers and a question a few slices, and reading them whole was
 * a tenth of a start and most of its garbage collection. The file stays open while anything can read from it; a newer
 * save renamed over it meanwhile leaves this one readable as it was.
 */
export class SavedFile {
  readonly size: number;

  private constructor(private readonly fd: number) {
    this.size = fstatSync(fd).size;
    closing.register(this, fd);
  }

  /** The file at `path`; undefined when there is none. Throws when it exists but cannot be opened. */
  static open(path: string): SavedFile | undefined {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      return new SavedFile(fd);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** The bytes from `start` to `end`; throws when the file is shorter. */
  read(start: number, end: number): Buffer {
    if (start < 0 || end < start || end > this.size) throw new Error(`the saved file has no bytes ${start}–${end}`);
    const bytes = Buffer.allocUnsafe(end - start);
    for (let done = 0; done < bytes.length;) {
      const n = readSync(this.fd, bytes, done, bytes.length - done, start + done);
      if (n === 0) throw new Error('the saved file is cut short');
      done += n;
    }
    return bytes;
  }
}
