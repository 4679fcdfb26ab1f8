import { describe, expect, it } from 'vitest';
import { syncProblems, type SyncStatus } from '../../../src-shared/api/sync-methods.js';
import { syncIndicatorText } from '../../../src-renderer/sync/sync-indicator-text.js';

const now = Date.UTC(2026, 10, 25, 14, 30);
const options = { nowMs: now, timeZone: 'UTC' };

function status(overrides: Partial<SyncStatus>): SyncStatus {
  return { state: 'online', lastSyncAt: null, queueDepth: 0, problem: null, ...overrides };
}

describe('the sync indicator text', () => {
  it('says online, the time of the last sync today, and that nothing waits', () => {
    const text = syncIndicatorText(
      status({ lastSyncAt: Date.UTC(2026, 10, 25, 14, 2) }),
      'en',
      options,
    );

    expect(text).toEqual({
      tone: 'ok',
      state: 'Online',
      details: ['Last sync 14:02', 'Nothing waiting to send'],
      problem: undefined,
    });
  });

  it('says it in French too', () => {
    const text = syncIndicatorText(
      status({ state: 'offline', lastSyncAt: Date.UTC(2026, 10, 25, 9, 5), queueDepth: 3 }),
      'fr',
      options,
    );

    expect(text.state).toBe('Hors ligne');
    expect(text.details).toEqual(['Dernière synchro 09:05', '3 en attente d’envoi']);
    expect(text.tone).toBe('warning');
  });

  it('gives the day of a sync that was not today, and "never" before the first', () => {
    const older = syncIndicatorText(
      status({ state: 'offline', lastSyncAt: Date.UTC(2026, 10, 23, 18, 45), queueDepth: 12 }),
      'en',
      options,
    );
    expect(older.details).toEqual(['Last sync Nov 23 18:45', '12 waiting to send']);

    const never = syncIndicatorText(status({ state: 'offline' }), 'fr', options);
    expect(never.details[0]).toBe('Jamais synchronisée');
  });

  it('shows only the state for a kiosk meant to run without a cloud', () => {
    const text = syncIndicatorText(
      status({ state: 'not_configured', queueDepth: 40 }),
      'en',
      options,
    );

    expect(text).toEqual({
      tone: 'neutral',
      state: 'Not connected to the cloud',
      details: [],
      problem: undefined,
    });
  });

  it('explains a stopped sync in words, in both languages', () => {
    const blocked = status({ state: 'blocked', problem: 'unknown_incarnation' });
    expect(syncIndicatorText(blocked, 'en', options)).toMatchObject({
      tone: 'warning',
      state: 'Sync stopped',
      problem:
        'The cloud does not recognise this kiosk’s database. An administrator must check it.',
    });
    expect(syncIndicatorText(blocked, 'fr', options).problem).toMatch(/administrateur/u);

    const revoked = syncIndicatorText(
      status({ state: 'revoked', problem: 'credential_revoked' }),
      'fr',
      options,
    );
    expect(revoked.state).toBe('Accès au cloud retiré');
  });

  it('has a text for every state and every problem in both languages', () => {
    const states = ['not_configured', 'not_enrolled', 'online', 'offline', 'blocked', 'revoked'];
    for (const state of states) {
      for (const locale of ['en', 'fr'] as const) {
        const text = syncIndicatorText(
          status({ state: state as SyncStatus['state'] }),
          locale,
          options,
        );
        expect(text.state).not.toMatch(/^sync\./u);
      }
    }
    for (const problem of syncProblems) {
      for (const locale of ['en', 'fr'] as const) {
        const text = syncIndicatorText(status({ state: 'offline', problem }), locale, options);
        expect(text.problem, `${locale} ${problem}`).toMatch(/\s/u);
      }
    }
  });
});
