import type { SignedInPerson } from '../../src-shared/api/session-methods.js';
import type { Permission } from '../../src-shared/domain/permissions.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';

/** The operator screens the shell can show besides its menu. */
export type OperatorSection = 'dropoff' | 'manage' | 'handovers' | 'settings' | 'commissioning';

export interface MenuItem {
  section: OperatorSection;
  label: MessageKey;
  /** data-testid of its button. */
  testId: string;
}

/** Each screen, in menu order, with the permission it needs (the core checks it again). */
const menu: readonly (MenuItem & { needs: Permission })[] = [
  { section: 'dropoff', label: 'menu.dropoff', testId: 'menu-dropoff', needs: 'parcel.drop_off' },
  {
    section: 'manage',
    label: 'menu.manage',
    testId: 'menu-manage',
    needs: 'compartment.view_all',
  },
  {
    section: 'handovers',
    label: 'menu.handovers',
    testId: 'menu-handovers',
    needs: 'handover.manage',
  },
  { section: 'settings', label: 'menu.settings', testId: 'menu-settings', needs: 'settings.edit' },
  {
    section: 'commissioning',
    label: 'menu.commissioning',
    testId: 'menu-commissioning',
    needs: 'hardware.commission',
  },
];

/** Only what the signed-in person may do: a button that would be refused is not shown. */
export function menuItems(permissions: readonly Permission[]): MenuItem[] {
  return menu
    .filter((item) => permissions.includes(item.needs))
    .map(({ section, label, testId }) => ({ section, label, testId }));
}

/**
 * Where the shell opens: a carrier came to deliver (D10) and goes straight to drop-off; staff
 * see the menu.
 */
export function firstSection(person: SignedInPerson): OperatorSection | 'menu' {
  return person.kind === 'carrier' && person.permissions.includes('parcel.drop_off')
    ? 'dropoff'
    : 'menu';
}
