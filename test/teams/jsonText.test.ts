import fc from 'fast-check';
import { jsonText, parsedWhenRead } from '../../src/teams/jsonText';

describe('the JSON text of what is sent to Teams', () => {
  it('gives exactly what JSON.stringify gives, for any JSON value and for the shapes sent to Teams', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const card = parsedWhenRead(JSON.stringify({ type: 'AdaptiveCard', body: [value] }));
        const answer = { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
        const activity = { type: 'message', attachments: [{ contentType: 'x', content: card, skip: undefined }] };
        expect(jsonText(value)).toBe(JSON.stringify(value));
        expect(jsonText(answer)).toBe(JSON.stringify(answer));
        expect(jsonText(activity)).toBe(JSON.stringify(activity));
      }),
    );
  });

  it('keeps undefined, functions and dates as JSON.stringify does', () => {
    const odd = { a: undefined, f: () => 1, list: [undefined, () => 1], when: new Date(0), n: null };
    expect(jsonText(odd)).toBe(JSON.stringify(odd));
    expect(jsonText(undefined)).toBe('null');
  });
});

describe('a card given by its text', () => {
  const text = JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Hi' }], version: '1.5' });

  afterEach(() => jest.restoreAllMocks());

  it('is sent as its text, without being parsed', () => {
    const parse = jest.spyOn(JSON, 'parse');
    const card = parsedWhenRead(text);
    expect(jsonText({ statusCode: 200, value: card })).toBe(`{"statusCode":200,"value":${text}}`);
    expect(jsonText({ type: 'message', attachments: [{ content: card }] })).toContain(text);
    expect(parse).not.toHaveBeenCalled();
  });

  it('reads as the plain object of its text, parsed once', () => {
    const expected: unknown = JSON.parse(text);
    const parse = jest.spyOn(JSON, 'parse');
    const card = parsedWhenRead(text);
    expect(card).toEqual(expected);
    expect(Object.keys(card)).toEqual(['type', 'body', 'version']);
    expect('body' in card && !('refresh' in card)).toBe(true);
    expect({ ...card }.version).toBe('1.5');
    expect(JSON.stringify(card)).toBe(text);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('cannot be changed, at the top or inside, so its text can never go stale', () => {
    const card = parsedWhenRead(text);
    expect(() => {
      card.version = '1.6';
    }).toThrow('A rendered card does not change');
    expect(() => delete card.body).toThrow(TypeError);
    expect(() => (card.body as { text: string }[]).push({ text: 'more' })).toThrow(TypeError);
    expect(jsonText(card)).toBe(text);
  });
});
