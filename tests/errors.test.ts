import { describe, expect, it } from 'vitest';
import { errorLine, fileError, readError, SHOWN_TYPED_CHARS, TYPED_BACKTICK, typed } from '../src/errors.js';

const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('errorLine', () => {
  it("gives the first line of an error's message, or of anything else thrown", () => {
    expect(errorLine(new Error('bad row at line 3:\n  3 | x,y\n    ^'))).toBe('bad row at line 3:');
    expect(errorLine('plain text thrown')).toBe('plain text thrown');
    expect(errorLine(404)).toBe('404');
  });
});

describe('fileError', () => {
  it("says why a file could not be written in words, without the server's paths", () => {
    const missing = systemError('ENOENT', "ENOENT: no such file or directory, open '/srv/kiln/out.png'");
    expect(fileError(missing)).toBe('its folder does not exist');
    expect(fileError(systemError('EROFS', "EROFS: read-only file system, open '/mnt/x'"))).toBe(
      'the file system is read-only',
    );
    expect(fileError(systemError('EPERM', 'EPERM'))).toBe('permission denied');
  });

  it("falls back to the error's first line for a code it does not know, without the code and the paths", () => {
    const moved = "EXDEV: cross-device link not permitted, rename '/srv/a' -> '/mnt/b'\nmore";
    expect(fileError(systemError('EXDEV', moved))).toBe('cross-device link not permitted');
    expect(fileError(new Error('no code at all'))).toBe('no code at all');
  });
});

describe('readError', () => {
  it("says why a file or folder could not be read in plain words, without Node's code or the path", () => {
    const denied = systemError('EACCES', "EACCES: permission denied, open '/srv/corpus/ferries.md'");
    expect(readError(denied)).toBe('permission denied');
    expect(readError(systemError('ENOENT', "ENOENT: no such file or directory, open '/srv/corpus/a.md'"))).toBe(
      'it was moved or deleted',
    );
    expect(readError(systemError('EIO', "EIO: i/o error, read '/srv/corpus/a.md'"))).toBe('the disk reported an error');
    expect(readError(new Error('not a file: a pipe, socket or device'))).toBe('not a file: a pipe, socket or device');
  });
});

describe('typed', () => {
  it('quotes words back whole up to SHOWN_TYPED_CHARS, and cuts longer ones with an ellipsis', () => {
    expect(typed('fig`ures')).toBe(`fig${TYPED_BACKTICK}ures`);
    const long = '🙂'.repeat(SHOWN_TYPED_CHARS);
    expect(typed(long)).toBe(long);
    const cut = typed(`${long}x`);
    // Cut by characters, never inside an emoji's two code units.
    expect(Array.from(cut)).toHaveLength(SHOWN_TYPED_CHARS);
    expect(cut.endsWith('🙂…')).toBe(true);
  });
});
