import { describe, expect, it } from 'vitest';
import { DOCUMENT_SQL } from '../../src/digest/sql-store.js';

describe('DOCUMENT_SQL', () => {
  it('names the time a change is asked since once, as one parameter, however often the statement reads it', () => {
    const written = DOCUMENT_SQL.changedSince((n) => `$${n}`);
    expect(written.match(/\$\d+/g)).toEqual(['$1', '$1', '$1']);
  });
});
