import { GroupCommit, type Outcome } from '../../src/store/groupCommit';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('a group commit', () => {
  it('commits the writes asked for in one turn together, and later ones apart', async () => {
    const groups: string[][] = [];
    const commit = new GroupCommit<string, string>((writes) => {
      groups.push(writes);
      return writes.map((w) => ({ stored: `${w} stored` }));
    });
    const first = await Promise.all([commit.submit('a'), commit.submit('b'), commit.submit('c')]);
    const later = await commit.submit('d');
    expect(first).toEqual(['a stored', 'b stored', 'c stored']);
    expect(later).toBe('d stored');
    expect(groups).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('settles each write with its own outcome', async () => {
    const commit = new GroupCommit<number, number>((writes) =>
      writes.map((w): Outcome<number> => (w % 2 ? { failed: new Error(`${w} refused`) } : { stored: w })),
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map((w) => commit.submit(w)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      '1 refused',
      2,
      '3 refused',
      4,
    ]);
  });

  it('fails every write of a group whose commit fails, and commits the next group', async () => {
    let calls = 0;
    const commit = new GroupCommit<string, string>((writes) => {
      calls += 1;
      if (calls === 1) throw new Error('disk full');
      return writes.map((w) => ({ stored: w }));
    });
    const results = await Promise.allSettled([commit.submit('a'), commit.submit('b')]);
    expect(results.map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual([
      'disk full',
      'disk full',
    ]);
    await expect(commit.submit('c')).resolves.toBe('c');
  });

  it('commits what is queued when flushed, before its turn comes', async () => {
    const committed: string[] = [];
    const commit = new GroupCommit<string, string>((writes) => {
      committed.push(...writes);
      return writes.map((w) => ({ stored: w }));
    });
    const pending = commit.submit('a');
    commit.flush();
    expect(committed).toEqual(['a']);
    await turn();
    expect(committed).toEqual(['a']);
    await expect(pending).resolves.toBe('a');
  });
});
