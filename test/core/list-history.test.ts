import * as assert from 'node:assert/strict';
import { carry, ListHistory } from '../../src/core/model/list-history';

interface Item { name: string }
const items = (names: string[]): Item[] => names.map((name) => ({ name }));

/** Runs `carry` and says which items it had to compute. */
function run(history: ListHistory<Item, { context: string; values: string[] }>, list: Item[], context = ''): { values: string[]; computed: string[] } {
  const computed: string[] = [];
  const values = carry(history, list, context, (item) => { computed.push(item.name); return `${context}:${item.name}`; });
  return { values, computed };
}

describe('carrying values over between lists', () => {
  it('computes only the items that are not the same objects at either end', () => {
    const h = new ListHistory<Item, { context: string; values: string[] }>();
    const [a, b, c, d] = items(['a', 'b', 'c', 'd']);
    assert.deepEqual(run(h, [a, b, c, d]).computed, ['a', 'b', 'c', 'd']);
    const b2 = { name: 'b2' };
    assert.deepEqual(run(h, [a, b2, c, d]), { values: [':a', ':b2', ':c', ':d'], computed: ['b2'] });
  });

  it('lines up the end part after an insertion or a removal', () => {
    const h = new ListHistory<Item, { context: string; values: string[] }>();
    const [a, b, c, d] = items(['a', 'b', 'c', 'd']);
    run(h, [a, b, c, d]);
    const x = { name: 'x' };
    assert.deepEqual(run(h, [a, x, b, c, d]), { values: [':a', ':x', ':b', ':c', ':d'], computed: ['x'] });
    assert.deepEqual(run(h, [a, c, d]), { values: [':a', ':c', ':d'], computed: [] });
  });

  it('finds the list again through its last item when the first changed', () => {
    const h = new ListHistory<Item, { context: string; values: string[] }>();
    const [a, b, c] = items(['a', 'b', 'c']);
    run(h, [a, b, c]);
    const a2 = { name: 'a2' };
    assert.deepEqual(run(h, [a2, b, c]).computed, ['a2']);
  });

  it('computes everything again when the context changed', () => {
    const h = new ListHistory<Item, { context: string; values: string[] }>();
    const list = items(['a', 'b']);
    run(h, list, 'one');
    assert.deepEqual(run(h, list, 'two'), { values: ['two:a', 'two:b'], computed: ['a', 'b'] });
    assert.deepEqual(run(h, list, 'two').computed, []);
  });

  it('is not fooled by a list changed in place after it was remembered', () => {
    const h = new ListHistory<Item, { context: string; values: string[] }>();
    const [a, b, c] = items(['a', 'b', 'c']);
    const list = [a, b, c];
    run(h, list);
    const b2 = { name: 'b2' };
    list[1] = b2;
    assert.deepEqual(run(h, list), { values: [':a', ':b2', ':c'], computed: ['b2'] });
  });

  it('keeps nothing for lists of plain values, which it cannot tell apart', () => {
    const h = new ListHistory<string, { context: string; values: string[] }>();
    const computed: string[] = [];
    carry(h, ['a', 'b'], '', (s) => { computed.push(s); return s; });
    carry(h, ['a', 'b'], '', (s) => { computed.push(s); return s; });
    assert.deepEqual(computed, ['a', 'b', 'a', 'b']);
  });
});
