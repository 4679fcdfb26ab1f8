import type { CompartmentBrief } from '../../src-shared/api/drop-off-methods.js';
import type { Locale } from '../../src-shared/i18n/locales.js';
import { sizeName, type Translator } from '../dropoff/compartment-text.js';
import { formatStorageEnd } from './storage-time.js';

/** A translator that also says its language (the screen's LocaleState). */
export interface LocaleTranslator extends Translator {
  readonly current: Locale;
}

/** "Medium, 80–120 cm from the floor": where to look before the door even opens (X4). */
export function storagePlace(
  i18n: Translator,
  compartment: Pick<CompartmentBrief, 'size' | 'doorBottomCm' | 'doorTopCm'>,
): string {
  return i18n.t('storage_screen.place', {
    size: sizeName(i18n, compartment.size),
    height: i18n.t('compartment.height', {
      bottom: compartment.doorBottomCm,
      top: compartment.doorTopCm,
    }),
  });
}

/** "Ends Tue, Nov 25, 2:00 PM", or that it has no end (C6 open-ended). */
export function storageEndText(i18n: LocaleTranslator, endsAtMs: number | null): string {
  return endsAtMs === null
    ? i18n.t('storage_screen.no_end')
    : i18n.t('storage_screen.ends', { time: formatStorageEnd(i18n.current, endsAtMs) });
}
