// The tree's groups are sorted lists in blocks: after any mix of insertions and removals they must
// read exactly like one sorted array with the same changes.
import { strict as assert } from 'node:assert';
import { lowerBound, SortedList } from '../../src/core';
import { random } from '../../bench/corpus';

interface Item {
  value: number;
  id: number;
}

const byValueThenId = (a: Item, b: Item) => a.value - b.value || a.id - b.id;

describe('sorted list in blocks', () => {
  it('reads like one sorted array after random insertions and removals', () => {
    const rng = random(7);
    let nextId = 0;
    const make = (): Item => ({ value: Math.floor(rng() * 500), id: nextId++ });
    const initial = Array.from({ length: 1500 }, make).sort(byValueThenId);
    const list = SortedList.of(initial, byValueThenId);
    const reference = [...initial];
    for (let step = 0; step < 10000; step++) {
      // Mostly growth at first (blocks split), then mostly removal.
      if (rng() < (step < 6000 ? 0.8 : 0.3) || reference.length === 0) {
        const item = make();
        list.insert(item);
        reference.splice(lowerBound(reference, item, byValueThenId), 0, item);
      } else {
        const item = reference[Math.floor(rng() * reference.length)]!;
        assert.equal(list.remove(item), true);
        reference.splice(reference.indexOf(item), 1);
      }
      if (step % 500 !== 0) continue;
      assert.equal(list.length, reference.length);
      assert.deepEqual([...list], reference);
    }
    for (const [start, end] of [[0, 200], [-200, undefined], [1023, 1025], [5, 3], [-5, -1], [0, 1e9], [1e9, undefined], [-1e9, 2]] as Array<[number, number | undefined]>) {
      assert.deepEqual(list.slice(start, end), reference.slice(start, end), `slice(${start}, ${end})`);
    }
    // Taken out from the front, whole blocks empty and go.
    while (reference.length > 0) {
      assert.equal(list.remove(reference.shift()!), true);
      if (reference.length % 700 === 0) assert.deepEqual(list.slice(), reference);
    }
    assert.equal(list.length, 0);
    list.insert(initial[0]!);
    assert.deepEqual([...list], [initial[0]]);
  });

  it('removes only the element itself, and reports one it does not hold', () => {
    const list = new SortedList(byValueThenId);
    const a = { value: 1, id: 1 };
    list.insert(a);
    assert.equal(list.remove({ value: 1, id: 1 }), false, 'an equal element that is not the one held');
    assert.equal(list.remove({ value: 9, id: 9 }), false);
    assert.equal(list.length, 1);
    assert.equal(list.remove(a), true);
    assert.equal(list.length, 0);
    assert.deepEqual(list.slice(), []);
    assert.equal(list.remove(a), false);
    list.insert(a);
    assert.deepEqual([...list], [a]);
  });
});
