import { describe, expect, it } from 'vitest';
import { memoryButtons } from '../../src/commands/buttons.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute));

describe('memoryButtons', () => {
  it("gives a button's state back until it expires, and nothing after", () => {
    const store = memoryButtons();
    store.keepButtons('page-2', { offset: 5 }, at(30), at(0));
    expect(store.buttons('page-2', at(30))).toEqual({ offset: 5 });
    expect(store.buttons('page-2', at(31))).toBeUndefined();
    expect(store.buttons('never-kept', at(0))).toBeUndefined();
  });

  it('keeps at most its limit, dropping the oldest first, and drops expired entries as new ones come', () => {
    const store = memoryButtons(2);
    store.keepButtons('a', 'first', at(50), at(0));
    store.keepButtons('b', 'second', at(50), at(0));
    store.keepButtons('c', 'third', at(50), at(0));
    expect(['a', 'b', 'c'].map((id) => store.buttons(id, at(1)))).toEqual([undefined, 'second', 'third']);

    const roomy = memoryButtons(10);
    roomy.keepButtons('short', 'gone soon', at(5), at(0));
    roomy.keepButtons('long', 'kept', at(50), at(0));
    roomy.keepButtons('later', 'kept too', at(50), at(10));
    expect(roomy.buttons('short', at(5))).toBeUndefined();
  });

  it('replaces the state of an id kept again, which counts as kept last when the oldest are dropped', () => {
    const store = memoryButtons(3);
    store.keepButtons('a', 'old', at(50), at(0));
    store.keepButtons('b', 'other', at(50), at(0));
    store.keepButtons('a', 'new', at(50), at(1));
    store.keepButtons('c', 'third', at(50), at(2));
    store.keepButtons('d', 'fourth', at(50), at(3));
    expect(['a', 'b', 'c', 'd'].map((id) => store.buttons(id, at(4)))).toEqual(['new', undefined, 'third', 'fourth']);
  });
});
