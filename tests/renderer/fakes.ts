import type { BankOverview } from '../../src-shared/api/contract.js';
import type { Result } from '../../src-shared/api/result.js';
import type { KioskTransport } from '../../src-shared/api/transport.js';
import { InvokeMessage } from '../../src-shared/api/wire.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import type { ConnectionState } from '../../src-renderer/transport/renderer-transport.js';
import type {
  SocketConnection,
  SocketFactory,
  SocketHandlers,
} from '../../src-renderer/transport/socket-connection.js';

/** Fakes for the renderer's ports: no DOM, no real socket (vitest runs in Node). */

/** One socket the transport opened; the test plays the server and the network. */
export class FakeSocket implements SocketConnection {
  readonly sent: string[] = [];
  closedByClient = false;

  constructor(
    readonly url: string,
    private readonly handlers: SocketHandlers,
  ) {}

  send(text: string): void {
    this.sent.push(text);
  }

  close(): void {
    this.closedByClient = true;
    this.handlers.onClose();
  }

  open(): void {
    this.handlers.onOpen();
  }

  /** The network drops the connection (or it never opened). */
  drop(): void {
    this.handlers.onClose();
  }

  /** A frame from the server: objects are sent as JSON, anything else as it is. */
  receive(frame: unknown): void {
    this.handlers.onMessage(
      typeof frame === 'object' && frame !== null ? JSON.stringify(frame) : frame,
    );
  }

  invokes(): InvokeMessage[] {
    return this.sent.map((text) => InvokeMessage.parse(JSON.parse(text)));
  }
}

export class FakeSocketFactory {
  readonly sockets: FakeSocket[] = [];

  readonly open: SocketFactory = (url, handlers) => {
    const socket = new FakeSocket(url, handlers);
    this.sockets.push(socket);
    return socket;
  };

  get latest(): FakeSocket {
    const socket = this.sockets.at(-1);
    if (!socket) {
      throw new Error('no socket was opened');
    }
    return socket;
  }
}

interface RecordedInvoke {
  method: string;
  args: unknown;
  locale: Locale;
  answer(result: Result<unknown>): void;
}

/** A transport whose calls wait until the test answers them, one by one. */
export class FakeTransport implements KioskTransport {
  readonly invokes: RecordedInvoke[] = [];
  private readonly listeners = new Set<(event: string, payload: unknown) => void>();

  invoke(method: string, args: unknown, locale: Locale): Promise<Result<unknown>> {
    return new Promise((resolve) => {
      this.invokes.push({ method, args, locale, answer: resolve });
    });
  }

  subscribe(listener: (event: string, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  push(event: string, payload: unknown): void {
    for (const listener of this.listeners) {
      listener(event, payload);
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** The call at `index`, failing the test if it was never made. */
  call(index: number): RecordedInvoke {
    const recorded = this.invokes[index];
    if (!recorded) {
      throw new Error(`call ${index} was not made (${this.invokes.length} made)`);
    }
    return recorded;
  }
}

export class FakeConnection {
  connectionState: ConnectionState = 'connecting';
  private readonly listeners = new Set<(state: ConnectionState) => void>();

  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  change(state: ConnectionState): void {
    this.connectionState = state;
    for (const listener of this.listeners) {
      listener(state);
    }
  }
}

export function sampleOverview(): BankOverview {
  return {
    bank: { id: 'bank-1', name: 'Lobby' },
    hardware: 'ok',
    compartments: [
      {
        id: 'c1',
        label: '1',
        size: 'S',
        doorBottomCm: 30,
        doorTopCm: 60,
        lock: { board: 0, channel: 1 },
        service: 'in_service',
        serviceReason: null,
        door: 'closed',
        items: false,
      },
      {
        id: 'c2',
        label: '2',
        size: 'L',
        doorBottomCm: 60,
        doorTopCm: 120,
        lock: { board: 0, channel: 2 },
        service: 'out_of_service',
        serviceReason: 'door_failed_to_open',
        door: 'unknown',
        items: null,
      },
    ],
  };
}

/** Lets awaited promise callbacks run (microtasks only; no time passes). */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    await Promise.resolve();
  }
}
