import type { PublicKioskSettings } from '../../src-shared/domain/bank-settings.js';
import type { KioskClient } from '../kiosk-client.js';
import { followConnection } from '../transport/follow-connection.js';
import type { RendererTransport } from '../transport/renderer-transport.js';

/**
 * What every screen may know before anyone signs in (C3, C5, C8): which pickup methods the home
 * screen offers, its timers, and the keyboard-wedge thresholds. Read again on every connection
 * (the settings may have been saved meanwhile) and after the settings screen closes.
 */
export class PublicSettingsState {
  value: PublicKioskSettings | undefined = $state.raw(undefined);
  #load: (() => Promise<void>) | undefined;

  /** `loaded` runs with every fresh copy (main.ts passes the wedge thresholds on). */
  start(
    client: KioskClient,
    connection: Pick<RendererTransport, 'connectionState' | 'onConnectionChange'>,
    loaded: (settings: PublicKioskSettings) => void,
  ): () => void {
    this.#load = async () => {
      const result = await client.call('settings.public', {});
      if (result.ok) {
        this.value = result.value;
        loaded(result.value);
      }
    };
    return followConnection(connection, () => {
      void this.reload();
    });
  }

  async reload(): Promise<void> {
    await this.#load?.();
  }
}
