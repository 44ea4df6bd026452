import { describe, expect, it } from 'vitest';
import { ZSaveAnswer } from './exams/schema';
import { optionalText, requiredText } from './validation';

const bad = ['会议\u0000记录', '记录\ud800', '\udc00记录'];
const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues[0]?.message;

describe('text PostgreSQL can store', () => {
  it('refuses a NUL or half a surrogate pair in the shared text fields, with its own message', () => {
    for (const v of bad) {
      expect(firstMessage(requiredText(50).safeParse(v))).toBe('validation.badCharacters');
      expect(firstMessage(optionalText(50).safeParse(v))).toBe('validation.badCharacters');
    }
    // Chinese, an emoji (a whole surrogate pair) and punctuation stay as they are.
    expect(requiredText(50).parse(' 支部党员大会🎉（第3次） ')).toBe('支部党员大会🎉（第3次）');
    expect(optionalText(50).parse('')).toBeUndefined();
  });

  it("refuses such an exam answer before it reaches the database's jsonb", () => {
    const ids = { attemptId: crypto.randomUUID(), questionId: crypto.randomUUID() };
    for (const v of bad) expect(ZSaveAnswer.safeParse({ ...ids, answer: v }).success).toBe(false);
    expect(ZSaveAnswer.safeParse({ ...ids, answer: ['A', 'B\u0000'] }).success).toBe(false);
    for (const answer of ['三会一课', true, ['A', 'C'], null, '👍'])
      expect(ZSaveAnswer.safeParse({ ...ids, answer }).success).toBe(true);
  });
});
