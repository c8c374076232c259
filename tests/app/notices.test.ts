// Tests how outside values are made safe for display in notices.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { noticeId, sanitizeForDisplay } from '../../src/app/notices';

describe('sanitizeForDisplay', () => {
  it('keeps ordinary text, Korean included', () => {
    expect(sanitizeForDisplay('bank-four-tenants')).toBe('bank-four-tenants');
    expect(sanitizeForDisplay('한국어')).toBe('한국어');
  });

  it('percent-encodes markup and invisible characters', () => {
    expect(sanitizeForDisplay('<b>&"\'')).toBe('%3Cb%3E%26%22%27');
    expect(sanitizeForDisplay('a\u0000b')).toBe('a%00b');
    expect(sanitizeForDisplay('a\u200Bb')).toBe('a%E2%80%8Bb');
    expect(sanitizeForDisplay('a\u202Eb')).toBe('a%E2%80%AEb');
  });

  it('cuts long values with an ellipsis', () => {
    expect(sanitizeForDisplay('x'.repeat(50))).toBe(`${'x'.repeat(40)}…`);
    expect(sanitizeForDisplay('x'.repeat(40))).toBe('x'.repeat(40));
  });

  it('never lets markup characters through and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(sanitizeForDisplay(value)).not.toMatch(/[<>&"'`\\]/);
      }),
    );
  });
});

describe('noticeId', () => {
  it('identifies a notice by key and parameters, in any order', () => {
    expect(noticeId({ key: 'notice.badParam', params: { name: 'a', value: 'b' } })).toBe(noticeId({ key: 'notice.badParam', params: { value: 'b', name: 'a' } }));
    expect(noticeId({ key: 'notice.badParam', params: { name: 'a' } })).not.toBe(noticeId({ key: 'notice.badParam', params: { name: 'b' } }));
  });
});
