import { describe, expect, it } from 'vitest';
import { parseYaml, readYamlMapping, stringifyYaml } from '../src/yaml.js';

describe('readYamlMapping', () => {
  it("gives each top-level entry with its key's 0-based line, and a repeated key as an error on its line", () => {
    expect(readYamlMapping('title: Pears\n\nauthor: Ana Lind\ntitle: Again\n')).toEqual({
      entries: [
        { key: 'title', value: 'Again', line: 0 },
        { key: 'author', value: 'Ana Lind', line: 2 },
        { key: 'title', value: 'Again', line: 3 },
      ],
      errors: [{ message: 'Map keys must be unique', line: 3, code: 'DUPLICATE_KEY' }],
    });
  });

  it('says what a text that is not a mapping is instead, and reads an empty text as no entries', () => {
    expect(readYamlMapping('- pears\n- plums\n')).toEqual({
      shape: 'a list',
      errors: [],
    });
    expect(readYamlMapping('just a sentence')).toEqual({
      shape: 'text',
      errors: [],
    });
    expect(readYamlMapping('')).toEqual({ entries: [], errors: [] });
  });

  it('skips keys that are not strings', () => {
    expect(readYamlMapping('? [pears]\n: 1\nname: ok\n').entries).toEqual([{ key: 'name', value: 'ok', line: 2 }]);
  });

  it('refuses aliases nested to blow up in size, as an error rather than a hang', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]']
      .concat(
        ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => `${k}: &${k} [${`*${'abcdefgh'[i]}, `.repeat(9)}]`),
      )
      .join('\n');
    const read = readYamlMapping(bomb);
    expect(read.entries).toEqual([]);
    expect(read.errors.length).toBeGreaterThan(0);
  });
});

describe('parseYaml and stringifyYaml', () => {
  it('write a record on unwrapped lines that read back the same', () => {
    const record = {
      title: `A ${'long '.repeat(30)}title`,
      tags: ['pears', 'frost'],
    };
    const text = stringifyYaml(record);
    expect(text.split('\n')[0]).toBe(`title: ${record.title}`);
    expect(parseYaml(text)).toEqual(record);
  });
});
