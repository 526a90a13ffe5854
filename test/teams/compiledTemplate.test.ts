import { Template } from 'adaptivecards-templating';
import { compileTemplate } from '../../src/teams/cards/compiledTemplate';

const library = (template: unknown, root: unknown) => new Template(template).expand({ $root: root });

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
  ])('%s, as adaptivecards-templating does', (_what, template, root) => {
    expect(compileTemplate(template)(root)).toEqual(library(template, root));
  });

  it('refuses, when compiled, an expression outside the part of the language the cards use', () => {
    expect(() => compileTemplate({ text: "${concat(a, 'b')}" })).toThrow('unsupported expression');
    expect(() => compileTemplate({ text: '${$index}' })).toThrow('unsupported expression');
  });
});
