import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_HANDLERS, handlerOf } from '../../src/teams/actions';

const ROOT = join(__dirname, '../..');
const read = (dir: string, ext: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(ext))
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), 'utf8') }));

/** Every `"verb": "…"` a card template writes, and every verb a view puts into a template's `${…}` slot. */
function verbsWritten(): { verb: string; file: string }[] {
  const inTemplates = read('cards', '.json').flatMap(({ file, text }) =>
    [...text.matchAll(/"verb":\s*"([^"$]+)"/g)].map((m) => ({ verb: m[1]!, file })),
  );
  const inViews = read('src/teams/views', '.ts').flatMap(({ file, text }) =>
    [...text.matchAll(/verb: (?:[^']*\? )?'([a-zA-Z]+\.[a-zA-Z]+)'(?: : '([a-zA-Z]+\.[a-zA-Z]+)')?/g)].flatMap((m) =>
      [m[1], m[2]].filter((v): v is string => !!v).map((verb) => ({ verb, file })),
    ),
  );
  return [...inTemplates, ...inViews];
}

describe('card verbs', () => {
  it('every verb a card can send has a handler', () => {
    const written = verbsWritten();
    expect(written.length).toBeGreaterThan(20);
    expect(written.filter(({ verb }) => !handlerOf(ACTION_HANDLERS, verb))).toEqual([]);
  });

  it('every handled verb is one a card sends, or one that cards already posted in Teams still send', () => {
    const written = new Set(verbsWritten().map((w) => w.verb));
    const postedBefore = ['summary.refresh', 'outputs.answer', 'outputs.add'];
    expect(Object.keys(ACTION_HANDLERS).filter((verb) => !written.has(verb))).toEqual(postedBefore);
  });

  it("names of Object's own members are no handlers", () => {
    expect(
      ['constructor', '__proto__', 'toString', 'hasOwnProperty'].map((verb) => handlerOf(ACTION_HANDLERS, verb)),
    ).toEqual([undefined, undefined, undefined, undefined]);
  });
});
