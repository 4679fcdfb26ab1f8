import type { SessionInfo } from '../../src-shared/api/session-methods.js';
import type { EventPayload } from '../../src-shared/api/contract.js';
import type { Permission } from '../../src-shared/domain/permissions.js';
import type { KioskClient } from '../kiosk-client.js';

export type SessionEndReason = EventPayload<'session.ended'>['reason'];

/** Why the page is no longer signed in, for the screen to say (undefined: nothing to say). */
export type SessionNotice =
  | { kind: 'ended'; reason: SessionEndReason }
  /** The core's own words (already translated), e.g. a session found gone on reconnection. */
  | { kind: 'message'; text: string };

export interface SessionChange {
  info: SessionInfo | undefined;
  notice: SessionNotice | undefined;
}

/**
 * The signed-in person of this page (D1, D10, A7). The token lives only here, in memory: a
 * reload or a crash signs out, which on a shared kiosk is the safe side. The core decides when a
 * session ends (idle, time limit) and says so with `session.ended`, matched by the session's
 * tag (the token itself never travels in an event).
 */
export class SessionKeeper {
  #info: SessionInfo | undefined;
  readonly #client: KioskClient;
  readonly #changed: (change: SessionChange) => void;

  constructor(client: KioskClient, changed: (change: SessionChange) => void) {
    this.#client = client;
    this.#changed = changed;
  }

  get info(): SessionInfo | undefined {
    return this.#info;
  }

  get token(): string | undefined {
    return this.#info?.session;
  }

  can(permission: Permission): boolean {
    return this.#info?.person.permissions.includes(permission) ?? false;
  }

  /** Returns the core's message when refused (wrong password, locked account…). */
  async signIn(userName: string, password: string): Promise<string | undefined> {
    return this.#accept(await this.#client.call('session.signIn', { userName, password }));
  }

  /** An operator badge or a carrier QR the core holds under `scanId`. */
  async signInWithScan(scanId: string): Promise<string | undefined> {
    return this.#accept(await this.#client.call('session.signInWithScan', { scanId }));
  }

  /** Forgets the session even when the call fails: the kiosk must never stay signed in. */
  async signOut(): Promise<void> {
    const session = this.token;
    if (session === undefined) {
      return;
    }
    this.#end({ kind: 'ended', reason: 'signed_out' });
    await this.#client.call('session.signOut', { session });
  }

  /**
   * Asks the core whether the session still holds (after the connection came back: its
   * `session.ended` may have been sent while the page could not hear it).
   */
  async check(): Promise<void> {
    const session = this.token;
    if (session === undefined) {
      return;
    }
    const result = await this.#client.call('session.current', { session });
    if (this.token !== session) {
      return;
    }
    if (result.ok) {
      this.#info = result.value;
      this.#changed({ info: result.value, notice: undefined });
    } else if (result.error.code === 'not_signed_in') {
      this.#end({ kind: 'message', text: result.error.message });
    }
  }

  /** Follows `session.ended` for this page's own session. Returns a function that stops. */
  follow(): () => void {
    return this.#client.on('session.ended', ({ tag, reason }) => {
      if (this.#info?.tag === tag) {
        this.#end({ kind: 'ended', reason });
      }
    });
  }

  #accept(
    result: { ok: true; value: SessionInfo } | { ok: false; error: { message: string } },
  ): string | undefined {
    if (!result.ok) {
      return result.error.message;
    }
    this.#info = result.value;
    this.#changed({ info: result.value, notice: undefined });
    return undefined;
  }

  #end(notice: SessionNotice): void {
    this.#info = undefined;
    this.#changed({ info: undefined, notice });
  }
}
