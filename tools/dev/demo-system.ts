import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findAppRoot } from '../../src-main/app-root.js';
import { startKioskCore } from '../../src-main/core/start-kiosk-core.js';
import { demoBoards } from '../../src-main/db/seed-demo-bank.js';
import { startKioskHost } from '../../src-main/host/kiosk-host.js';
import type { Logger } from '../../src-main/logging/logger.js';
import { startBoardSimulatorProcess } from './board-simulator-process.js';
import { createPtyPair } from './pty-pair.js';
import { startScannerSimulatorProcess } from './scanner-simulator-process.js';

export interface SimulatedBank {
  /**
   * The serial device the kiosk opens (one end of the pty pair). The rest of the demo bank's
   * hardware profile (KR-CU16, boards 0 and 1) is seeded into its database.
   */
  serialPath: string;
  simulatorControlUrl: string;
  /** The kiosk's end of the scanner simulator's pty pair (a USB CDC scanner). */
  scannerSerialPath: string;
  scannerControlUrl: string;
  stop(): Promise<void>;
}

/** A stack of shutdown steps run in reverse order, so a half-started system is never left. */
class Stoppers {
  #steps: (() => Promise<void>)[] = [];

  push(step: () => Promise<void>): void {
    this.#steps.push(step);
  }

  /**
   * Runs every step even when one throws (a kiosk that fails to close must not leave socat and
   * the simulators running), then throws an AggregateError of whatever went wrong.
   */
  async stopAll(): Promise<void> {
    const errors: unknown[] = [];
    for (const step of this.#steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) {
      const reasons = errors.map((error) =>
        error instanceof Error ? error.message : String(error),
      );
      throw new AggregateError(errors, `stopping failed: ${reasons.join('; ')}`);
    }
  }

  /**
   * Cleans up after a failed start and rethrows the start's own error: that is the one to
   * report (and callers look at it, e.g. EADDRINUSE), so a cleanup failure is only logged.
   */
  async stopAllAndRethrow(error: unknown): Promise<never> {
    try {
      await this.stopAll();
    } catch (stopError) {
      console.error(stopError instanceof Error ? stopError.message : stopError);
    }
    throw error;
  }
}

/**
 * The demo bank's hardware: a socat pty pair and the KR-CU16 board simulator as its own process
 * on the far end, exactly as a USB RS-485 adapter and two boards would be; and a second pair
 * with the serial scanner simulator, as a USB CDC bar code scanner would be.
 */
export async function startSimulatedBank(options: {
  dataDir: string;
  closeAfterMs: number;
}): Promise<SimulatedBank> {
  const stoppers = new Stoppers();
  try {
    const ptyFolder = join(options.dataDir, 'pty');
    mkdirSync(ptyFolder, { recursive: true });
    const pty = await createPtyPair(ptyFolder);
    stoppers.push(() => pty.close());
    const simulator = await startBoardSimulatorProcess({
      protocol: 'kerong-cu16',
      device: pty.deviceSide,
      boards: demoBoards,
      closeAfterMs: options.closeAfterMs,
    });
    stoppers.push(() => simulator.stop());
    const scannerFolder = join(ptyFolder, 'scanner');
    mkdirSync(scannerFolder, { recursive: true });
    const scannerPty = await createPtyPair(scannerFolder);
    stoppers.push(() => scannerPty.close());
    const scanner = await startScannerSimulatorProcess({ device: scannerPty.deviceSide });
    stoppers.push(() => scanner.stop());
    return {
      serialPath: pty.kioskSide,
      simulatorControlUrl: simulator.controlUrl,
      scannerSerialPath: scannerPty.kioskSide,
      scannerControlUrl: scanner.controlUrl,
      stop: () => stoppers.stopAll(),
    };
  } catch (error) {
    return stoppers.stopAllAndRethrow(error);
  }
}

export interface BrowserKiosk {
  kioskUrl: string;
  /** Where the ready-for-pickup notices land as .eml files until the cloud sends them. */
  mailboxFolder: string;
  stop(): Promise<void>;
}

/** The kiosk core on a SQLite file in `dataDir`, and the WebSocket host serving the built UI. */
export async function startBrowserKiosk(options: {
  dataDir: string;
  port: number;
  serialPath: string;
  scannerSerialPath: string;
  logger: Logger;
  /** The demo cloud (tools/dev/demo-cloud.ts); absent runs the kiosk alone. */
  cloudUrl?: string | undefined;
  enrolmentCode?: string | undefined;
}): Promise<BrowserKiosk> {
  const stoppers = new Stoppers();
  try {
    const core = await startKioskCore({
      dataDir: options.dataDir,
      demo: true,
      logger: options.logger,
      serialPath: options.serialPath,
      scanners: { serialPath: options.scannerSerialPath },
      ...(options.cloudUrl === undefined ? {} : { cloudUrl: options.cloudUrl }),
      ...(options.enrolmentCode === undefined ? {} : { enrolmentCode: options.enrolmentCode }),
    });
    stoppers.push(() => core.stop());
    const host = await startKioskHost({
      dispatcher: core.transport,
      rendererFolder: join(findAppRoot(import.meta.url), 'dist', 'renderer'),
      logger: options.logger,
      port: options.port,
    });
    stoppers.push(() => host.close());
    return {
      kioskUrl: host.url,
      mailboxFolder: core.mailboxFolder,
      stop: () => stoppers.stopAll(),
    };
  } catch (error) {
    return stoppers.stopAllAndRethrow(error);
  }
}
