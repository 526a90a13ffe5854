import { DocumentCache } from '../../src/store/documentCache';

describe('the parsed-document cache', () => {
  it('keeps the document read most often, however many others pass through', () => {
    const cache = new DocumentCache<{ name: string }>(3);
    cache.wrote('busy', { name: 'Contoso' }, 'e1');
    for (let i = 0; i < 10; i++) {
      cache.wrote(`quiet-${i}`, { name: `Customer ${i}` }, 'e1');
      expect(cache.cached('busy', 'e1')?.value).toEqual({ name: 'Contoso' });
    }
    expect(cache.cached('quiet-0', 'e1')).toBeUndefined();
    expect(cache.cached('quiet-9', 'e1')?.value).toEqual({ name: 'Customer 9' });
  });

  it('answers only for the etag it holds', () => {
    const cache = new DocumentCache<{ name: string }>(3);
    cache.wrote('eng-1', { name: 'Contoso' }, 'e1');
    expect(cache.cached('eng-1', 'e2')).toBeUndefined();
    cache.forget('eng-1');
    expect(cache.cached('eng-1', 'e1')).toBeUndefined();
  });
});
