import { describe, expect, it } from 'vitest';
import { typedCodeMessage, waitMessage } from '../../../src-main/codes/code-messages.js';
import { translate } from '../../../src-shared/i18n/index.js';

describe('code messages', () => {
  it('rounds waits up into seconds, then minutes, never inviting a retry too early', () => {
    expect(waitMessage(1)).toEqual({ key: 'code.wait.moment', params: {} });
    expect(waitMessage(1000)).toEqual({ key: 'code.wait.moment', params: {} });
    expect(waitMessage(1001)).toEqual({ key: 'code.wait.seconds', params: { seconds: 2 } });
    expect(waitMessage(30_000)).toEqual({ key: 'code.wait.seconds', params: { seconds: 30 } });
    expect(waitMessage(119_000)).toEqual({ key: 'code.wait.seconds', params: { seconds: 119 } });
    expect(waitMessage(120_000)).toEqual({ key: 'code.wait.minutes', params: { minutes: 2 } });
    expect(waitMessage(120_001)).toEqual({ key: 'code.wait.minutes', params: { minutes: 3 } });
    expect(waitMessage(900_000)).toEqual({ key: 'code.wait.minutes', params: { minutes: 15 } });
  });

  it('reads naturally in both languages', () => {
    const wait = waitMessage(30_000);
    expect(translate('en', wait.key, wait.params)).toBe(
      'Too many wrong codes. Please try again in 30 seconds.',
    );
    expect(translate('fr', wait.key, wait.params)).toBe(
      'Trop de codes erronés. Veuillez réessayer dans 30 secondes.',
    );
  });

  it('maps a refused code to the one rejection text and a wait to the wait text', () => {
    expect(typedCodeMessage({ outcome: 'rejected', retryAfterMs: 30_000 })).toEqual({
      key: 'code.rejected',
      params: {},
    });
    expect(typedCodeMessage({ outcome: 'wait', retryAfterMs: 30_000 }).key).toBe(
      'code.wait.seconds',
    );
  });
});
