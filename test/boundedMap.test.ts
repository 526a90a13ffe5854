import { BoundedMap } from '../src/boundedMap';

describe('a bounded map', () => {
  it('forgets the entry set longest ago once it holds more than its limit', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 3).set('c', 4);
    expect([...map]).toEqual([
      ['a', 3],
      ['c', 4],
    ]);
  });
});
