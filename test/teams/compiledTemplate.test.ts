import { Template } from 'adaptivecards-templating';
import fc from 'fast-check';
import { compileTemplate, JsonFragment } from '../../src/teams/cards/compiledTemplate';

/** The library's card, serialised: the compiled template writes this text itself. */
const library = (template: unknown, root: unknown) => JSON.stringify(new Template(template).expand({ $root: root }));

describe('compiled card templates', () => {
  it.each([
    ['a missing field keeps its expression, as text and as a whole value', { a: 'Hi ${name}!', b: '${name}' }, {}],
    [
      'a whole expression keeps its type',
      { n: '${count}', ok: '${flag}', list: '${items}' },
      { count: 3, flag: true, items: [1, 2] },
    ],
    [
      '$data repeats an element per item, and one item gives an object',
      { body: [{ $data: '${rows}', text: '${name} of ${$root.title}' }], one: { $data: '${single}', text: '${name}' } },
      { title: 'T', rows: [{ name: 'a' }, { name: 'b' }], single: [{ name: 'only' }] },
    ],
    [
      '$when keeps or drops an element, and a failed condition drops it',
      {
        body: [
          { $when: "${x != ''}", t: 1 },
          { $when: '${count(rows) > 0}', t: 2 },
          { $when: '${missing > 1}', t: 3 },
        ],
      },
      { x: '', rows: [1] },
    ],
    ['an array value in an array is spliced in', { body: ['${rows}', { t: 'end' }] }, { rows: [{ t: 1 }, { t: 2 }] }],
    ['an empty $data array leaves the element out', { body: [{ $data: '${rows}', t: 1 }] }, { rows: [] }],
    [
      'in a field, $data over several items is an array, over none null, and a dropped element null',
      { many: { $data: '${rows}', t: '${name}' }, none: { $data: '${empty}', t: 1 }, gone: { $when: '${no}', t: 2 } },
      { rows: [{ name: 'a' }, { name: 'b' }], empty: [], no: false },
    ],
    [
      'an array inside an array, a null and a one-item array value',
      { body: [null, ['x', { $when: '${yes}', t: 1 }], '${one}', { t: 'last' }], one: '${one}' },
      { yes: true, one: [{ t: 'only' }] },
    ],
    [
      'text that JSON has to escape, in literals, keys and values',
      { 'k"\\\n': 'quote " backslash \\ line\n tab\t \u2028 ${text}', whole: '${text}' },
      { text: 'a "b" \\ c\n\u0001 \ud800 é ▰' },
    ],
    [
      "a template's text stays data: nothing in it runs",
      { "'); throw new Error('ran'); ('": '"); throw new Error("ran"); (" \\" \u2028 ${x} */ //', n: 1 },
      { x: '${x}' },
    ],
  ])('%s, as adaptivecards-templating does', (_what, template, root) => {
    expect(compileTemplate(template)(root)).toBe(library(template, root));
  });

  it("gives the library's text for any values in the data", () => {
    const template = {
      body: [
        { type: 'TextBlock', text: 'Hi ${name}, ${count} left', wrap: true },
        { $data: '${rows}', text: '${label}', on: '${flag}', $when: "${label != ''}" },
        { $when: '${count > 1}', more: 'than ${count}' },
        { $when: "${name == ''}", empty: true },
        '${extra}',
      ],
      whole: '${name}',
      nested: { value: '${$root.count}', flag: '${flag}' },
    };
    // No nulls, nor keys such as toString: the library itself fails on them, and no view gives one.
    const key = fc.string().filter((name) => !(name in Object.prototype));
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean());
    const value = fc.oneof(scalar, fc.array(scalar), fc.dictionary(key, scalar, { noNullPrototype: true }));
    const row = fc.record({ label: fc.oneof(fc.constant(''), value), flag: value }, { requiredKeys: [] });
    const root = fc.record(
      { name: value, count: value, flag: value, rows: fc.oneof(fc.array(row), row), extra: value },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(root, (data) => expect(compileTemplate(template)(data)).toBe(library(template, data))));
  });

  it('places text already expanded as it is', () => {
    const row = new JsonFragment('{"type":"Container","items":[]}');
    expect(compileTemplate({ body: ['${rows}'], one: '${row}' })({ rows: [row, row], row })).toBe(
      `{"body":[${row.text},${row.text}],"one":${row.text}}`,
    );
  });

  it('refuses, when compiled, an expression outside the part of the language the cards use', () => {
    expect(() => compileTemplate({ text: "${concat(a, 'b')}" })).toThrow('unsupported expression');
    expect(() => compileTemplate({ text: '${$index}' })).toThrow('unsupported expression');
  });
});
