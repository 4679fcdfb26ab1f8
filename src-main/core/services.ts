import type { CommissioningCheck, LabelSheet } from '../../src-shared/api/contract.js';
import type { SyncStatus } from '../../src-shared/api/sync-methods.js';
import type { RecipientMatch } from '../../src-shared/api/drop-off-methods.js';
import type { PublicKioskSettings } from '../../src-shared/domain/bank-settings.js';
import type { CompartmentView, ServiceState } from '../../src-shared/domain/compartment.js';
import type { HardwareProfileDocument } from '../../src-shared/domain/hardware-profile.js';
import type { ClassifiedScan } from '../../src-shared/domain/scan.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import type { DropOffService } from '../flows/drop-off-service.js';
import type { HandoverService } from '../flows/handovers/handover-service.js';
import type { StorageService } from '../flows/storage/storage-service.js';
import type { KioskSessions } from '../flows/kiosk-sessions.js';
import type { ManagementService } from '../flows/management-service.js';
import type { PickupService } from '../flows/pickup-service.js';
import type { RecentScans } from '../flows/recent-scans.js';
import type { BankSettingsService } from './bank-settings-service.js';
import type { CompartmentService } from './compartment-service.js';

/** G4: operators take compartments out of service and back. */
export interface CompartmentServiceStateService {
  setService(compartmentId: string, service: ServiceState, actor: string): CompartmentView;
}

/** The bank's hardware profile as data (issue 3). `save` validates, stores, restarts the bus. */
export interface HardwareProfileService {
  get(): HardwareProfileDocument;
  save(document: HardwareProfileDocument, actor: string): Promise<HardwareProfileDocument>;
}

/** Commissioning walk and printed compartment labels (C1). */
export interface CommissioningService {
  pulse(compartmentId: string, actor: string): Promise<CommissioningCheck>;
  results(): CommissioningCheck[];
  labels(locale: Locale): Promise<LabelSheet>;
}

/** The one scan pipeline: every source ends here (hardware.md "Scanners"). */
export interface ScanService {
  submit(text: string, source: 'keyboard' | 'camera'): ClassifiedScan;
}

/** The link to the cloud as the screens show it (issue 6). */
export interface SyncStatusSource {
  status(): SyncStatus;
}

export interface KioskServices {
  compartments: CompartmentService;
  serviceStates: CompartmentServiceStateService;
  hardwareProfile: HardwareProfileService;
  commissioning: CommissioningService;
  scans: ScanService;
  recentScans: RecentScans;
  sessions: KioskSessions;
  settings: BankSettingsService;
  publicSettings: () => PublicKioskSettings;
  searchRecipients: (query: string) => RecipientMatch[];
  dropOff: DropOffService;
  pickup: PickupService;
  management: ManagementService;
  storage: StorageService;
  handovers: HandoverService;
  sync: SyncStatusSource;
}
