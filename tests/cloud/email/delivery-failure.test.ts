import { describe, expect, it } from 'vitest';
import {
  classifyDeliveryError,
  redactAddresses,
} from '../../../src-cloud/email/delivery-failure.js';

describe('delivery failures', () => {
  it('are final for a 5xx reply or a refused envelope, temporary otherwise', () => {
    const kindOf = (error: unknown) => classifyDeliveryError(error).kind;
    expect(kindOf({ code: 'EENVELOPE', responseCode: 550, permanent: true })).toBe('permanent');
    expect(kindOf({ code: 'EENVELOPE', responseCode: 554 })).toBe('permanent');
    // nodemailer marks 503 (a session-state reply) as not permanent: the worker follows it.
    expect(kindOf({ code: 'EENVELOPE', responseCode: 503, permanent: false })).toBe('temporary');
    expect(kindOf({ code: 'EENVELOPE', responseCode: 450, permanent: false })).toBe('temporary');
    expect(kindOf({ code: 'EENVELOPE', message: 'Invalid recipient' })).toBe('permanent');
    expect(kindOf({ code: 'ESOCKET', message: 'connect ECONNREFUSED' })).toBe('temporary');
    expect(kindOf({ code: 'ETIMEDOUT' })).toBe('temporary');
    expect(kindOf('something odd')).toBe('temporary');
    expect(classifyDeliveryError(new Error('x'.repeat(2_000))).reason).toHaveLength(500);
  });

  it('are logged with the domain of an address, never its mailbox', () => {
    expect(redactAddresses('550 5.1.1 <ghost@permanent.example>: No such user')).toBe(
      '550 5.1.1 <…@permanent.example>: No such user',
    );
    expect(redactAddresses('Invalid recipient "a.b+c@x.org", d@y.fr')).toBe(
      'Invalid recipient "…@x.org", …@y.fr',
    );
  });
});
