import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskHardware } from '../core/kiosk-hardware.js';
import type { Logger } from '../logging/logger.js';
import type { HardwareProfile } from './hardware-profile.js';
import { createNoHardware } from './no-hardware.js';

/** Builds the hardware a profile describes: one adapter per board protocol (X7). */
export async function createBankHardware(
  profile: HardwareProfile,
  clock: Clock,
  logger: Logger,
): Promise<KioskHardware> {
  switch (profile.protocol) {
    case 'none':
      logger.warn('no lock hardware configured: doors cannot be opened');
      return createNoHardware();
    case 'kerong-cu16':
      void clock;
      throw new Error('not wired yet');
  }
}
