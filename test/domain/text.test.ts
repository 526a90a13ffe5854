import { addOutputArea, answerOutput, outputAreas } from '../../src/domain/outputs';
import { StateError } from '../../src/domain/errors';
import { checkedText, cleanText, clipped, comparable, visibleLength } from '../../src/domain/text';
import { changeTaskStatus } from '../../src/domain/transitions';
import { anEngagement, people, T0 } from '../fixtures/engagement';

describe('text a person types', () => {
  it.each([
    ['a bidi override inside a file name', 'Report\u202Efdp.exe', 'Reportfdp.exe'],
    ['bell, escape and NUL', 'a\u0007b\u001bc\u0000d', 'abcd'],
    ['zero-width characters', 'AA\u200bDP\u200d\ufeff', 'AADP'],
    ['line breaks before list markers', 'fine\n- one\r\n* two\n1. three', 'fine - one * two 1. three'],
    ['decomposed accents', 'Cafe\u0301', 'Café'],
    ['runs of spaces and tabs', ' a \t  b ', 'a b'],
  ])('is kept without %s', (_what, typed, kept) => {
    expect(cleanText(typed)).toBe(kept);
  });

  it('counts characters as a person sees them', () => {
    expect(visibleLength('👩🏽‍💻')).toBe(1);
    expect(visibleLength('e\u0301')).toBe(1);
    expect(checkedText('note', '🇫🇷'.repeat(3), 3)).toBe('🇫🇷🇫🇷🇫🇷');
    expect(() => checkedText('note', '🇫🇷'.repeat(4), 3)).toThrow('note: is 4 characters; the limit is 3');
  });

  it('clips on a character boundary', () => {
    expect(clipped('🇫🇷🇫🇷🇫🇷', 2)).toBe('🇫🇷…');
    expect(clipped('short', 10)).toBe('short');
  });

  it('compares duplicates on the normalised, case-folded form', () => {
    expect(comparable('AADP\u200b')).toBe(comparable('aadp'));
    expect(comparable('Ｅｘｃｈａｎｇｅ')).toBe(comparable('exchange'));
    expect(comparable('Straße')).toBe(comparable('STRASSE'));
  });
});

describe('every free text is stored clean', () => {
  const engagement = anEngagement({ servicesInScope: ['AADP'] });

  it('an added feature that looks like an existing area is refused', () => {
    expect(() => addOutputArea(engagement, 'AADP\u200b', people.customer, T0)).toThrow(StateError);
    expect(() => addOutputArea(engagement, ' aadp ', people.customer, T0)).toThrow(StateError);
    const added = addOutputArea(engagement, 'Report\u202Efdp', people.customer, T0);
    expect(outputAreas(added)).toEqual(['AADP', 'Reportfdp']);
  });

  it('reasons and notes lose their control and bidi characters', () => {
    const answered = answerOutput(
      engagement,
      { area: 'AADP', answer: 'notPlanned', reason: 'No\u202e licence\u0007\nyet' },
      people.customer,
      T0,
    );
    expect(answered.outputs?.answers[0]?.reason).toBe('No licence yet');
    const na = changeTaskStatus(
      engagement,
      { taskId: '2533', action: 'notApplicable', actor: people.sme, reason: '**IMPORTANT**\u200b\n- out' },
      T0,
    );
    expect(na.engagement.tasks.find((t) => t.id === '2533')?.reason).toBe('**IMPORTANT** - out');
  });
});
