import type { CompartmentBrief } from '../../src-shared/api/drop-off-methods.js';
import type { CompartmentSize } from '../../src-shared/domain/compartment.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import type { MessageParams } from '../../src-shared/i18n/translate.js';

/** Anything that translates (the screen's LocaleState, or a plain function in tests). */
export interface Translator {
  t(key: MessageKey, params?: MessageParams): string;
}

const sizeNames: Record<CompartmentSize, MessageKey> = {
  S: 'compartment.size.S',
  M: 'compartment.size.M',
  L: 'compartment.size.L',
};

export function sizeName(i18n: Translator, size: CompartmentSize): string {
  return i18n.t(sizeNames[size]);
}

/**
 * Where the door is, in words: its size and its height from the floor (X4), so the operator
 * looks at the right door before it even opens ("Medium, 80–120 cm from the floor").
 */
export function compartmentPlace(
  i18n: Translator,
  compartment: Pick<CompartmentBrief, 'size' | 'doorBottomCm' | 'doorTopCm'>,
): string {
  return i18n.t('drop_off_screen.placement.place', {
    size: sizeName(i18n, compartment.size),
    height: i18n.t('compartment.height', {
      bottom: compartment.doorBottomCm,
      top: compartment.doorTopCm,
    }),
  });
}

/** "Put the parcel in compartment A3 (Medium, 80–120 cm from the floor) and close the door." */
export function doorInstruction(
  i18n: Translator,
  compartment: Pick<CompartmentBrief, 'label' | 'size' | 'doorBottomCm' | 'doorTopCm'>,
): string {
  return i18n.t('drop_off_screen.door.instruction', {
    label: compartment.label,
    size: sizeName(i18n, compartment.size),
    height: i18n.t('compartment.height', {
      bottom: compartment.doorBottomCm,
      top: compartment.doorTopCm,
    }),
  });
}
