import type { ScanReceived } from '../../src-shared/api/contract.js';
import type { KioskClient } from '../kiosk-client.js';

/**
 * The last scan from any source, as the core classified it. Scans caught by the page (keyboard
 * wedge in the browser host, camera) go to the core's one pipeline first; the page never
 * classifies on its own.
 */
export class ScanState {
  last: ScanReceived | undefined = $state.raw(undefined);
  /** Why the last scan the page sent was refused, already translated by the core. */
  error: string | undefined = $state.raw(undefined);
  #client: KioskClient | undefined;
  /** Counts `scan.received` events, so an answer never replaces a newer scan's event. */
  #eventsReceived = 0;

  /** Follows every scan the core reports. Returns a function that stops. */
  start(client: KioskClient): () => void {
    this.#client = client;
    return client.on('scan.received', (scan) => {
      this.#eventsReceived += 1;
      this.last = scan;
      this.error = undefined;
    });
  }

  async submit(text: string, source: 'keyboard' | 'camera'): Promise<void> {
    if (!this.#client) {
      return;
    }
    const eventsBefore = this.#eventsReceived;
    const result = await this.#client.call('scan.submit', { text, source });
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    // The `scan.received` event normally shows this scan; the answer shows it only when no
    // event came meanwhile (the event may come later over IPC, with the same scan).
    if (this.#eventsReceived === eventsBefore) {
      this.last = result.value;
      this.error = undefined;
    }
  }
}
