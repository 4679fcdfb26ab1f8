import type { SessionInfo } from '../../src-shared/api/session-methods.js';
import type { Permission } from '../../src-shared/domain/permissions.js';
import type { KioskClient } from '../kiosk-client.js';
import { followConnection } from '../transport/follow-connection.js';
import type { RendererTransport } from '../transport/renderer-transport.js';
import { SessionKeeper, type SessionNotice } from './session-keeper.js';

/**
 * Who is signed in at this page, for the screens (the logic is in session-keeper.ts). `notice`
 * says why a session ended until the screen dismisses it.
 */
export class SessionState {
  info: SessionInfo | undefined = $state.raw(undefined);
  notice: SessionNotice | undefined = $state.raw(undefined);
  readonly #keeper: SessionKeeper;

  constructor(client: KioskClient) {
    this.#keeper = new SessionKeeper(client, ({ info, notice }) => {
      this.info = info;
      if (notice) {
        this.notice = notice;
      }
    });
  }

  /** The bearer token for methods that take `session`; memory only. */
  get token(): string | undefined {
    return this.info?.session;
  }

  can(permission: Permission): boolean {
    return this.info?.person.permissions.includes(permission) ?? false;
  }

  /** Follows the core's `session.ended` and re-checks on every reconnection. */
  start(connection: Pick<RendererTransport, 'connectionState' | 'onConnectionChange'>): () => void {
    const stopFollowing = this.#keeper.follow();
    const stopChecking = followConnection(connection, () => {
      void this.#keeper.check();
    });
    return () => {
      stopFollowing();
      stopChecking();
    };
  }

  /** Returns the core's translated refusal, or undefined once signed in. */
  signIn(userName: string, password: string): Promise<string | undefined> {
    this.notice = undefined;
    return this.#keeper.signIn(userName, password);
  }

  signInWithScan(scanId: string): Promise<string | undefined> {
    this.notice = undefined;
    return this.#keeper.signInWithScan(scanId);
  }

  signOut(): Promise<void> {
    return this.#keeper.signOut();
  }

  dismissNotice(): void {
    this.notice = undefined;
  }
}
