import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskHardware } from '../core/kiosk-hardware.js';
import type { Logger } from '../logging/logger.js';
import type { HardwareProfile } from './hardware-profile.js';
import { createKerongCu16Hardware } from './kerong-cu16/kerong-cu16-hardware.js';
import { createNoHardware } from './no-hardware.js';

/** Builds the hardware a profile describes: one adapter per board protocol (X7). */
export function createBankHardware(
  profile: HardwareProfile,
  clock: Clock,
  logger: Logger,
): Promise<KioskHardware> {
  switch (profile.protocol) {
    case 'none':
      logger.warn('no lock hardware configured: doors cannot be opened');
      return Promise.resolve(createNoHardware());
    case 'kerong-cu16':
      return createKerongCu16Hardware(profile, clock, {
        reportListenerError: (error) => logger.error({ err: error }, 'door listener failed'),
      });
  }
}
