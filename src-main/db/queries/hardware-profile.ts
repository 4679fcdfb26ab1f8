import type { HardwareProfileDocument } from '../../../src-shared/domain/hardware-profile.js';
import { defaultHardwareSettings } from '../../hardware/hardware-profile.js';
import { listCompartmentWiring } from './compartment-wiring.js';
import { readHardwareSettings } from './hardware-settings.js';
import type { KioskReader } from '../transaction.js';

/**
 * The bank's hardware profile as one document: stored settings plus each compartment's wiring.
 * A bank never commissioned (no settings row, e.g. a database from before issue 3) has no lock
 * hardware: protocol 'none', so nothing is driven from a guess.
 */
export function loadHardwareProfile(reader: KioskReader, bankId: string): HardwareProfileDocument {
  return {
    settings: readHardwareSettings(reader, bankId) ?? defaultHardwareSettings('none'),
    compartments: listCompartmentWiring(reader, bankId),
  };
}
