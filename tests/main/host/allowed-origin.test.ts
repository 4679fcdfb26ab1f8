import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from '../../../src-main/host/allowed-origin.js';

describe('isAllowedOrigin', () => {
  it('accepts only the kiosk page itself, on loopback', () => {
    expect(isAllowedOrigin('http://127.0.0.1:5180', '127.0.0.1:5180')).toBe(true);
    expect(isAllowedOrigin('http://localhost:5180', 'localhost:5180')).toBe(true);
  });

  it('refuses other hosts, ports, schemes, and missing or garbled headers', () => {
    expect(isAllowedOrigin('http://evil.example', '127.0.0.1:5180')).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:9999', '127.0.0.1:5180')).toBe(false);
    expect(isAllowedOrigin('https://127.0.0.1:5180', '127.0.0.1:5180')).toBe(false);
    expect(isAllowedOrigin('http://192.168.1.20:5180', '192.168.1.20:5180')).toBe(false);
    expect(isAllowedOrigin(undefined, '127.0.0.1:5180')).toBe(false);
    expect(isAllowedOrigin('null', '127.0.0.1:5180')).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:5180', undefined)).toBe(false);
  });
});
