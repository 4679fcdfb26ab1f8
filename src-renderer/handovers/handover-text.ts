import type { CompartmentBrief } from '../../src-shared/api/drop-off-methods.js';
import type {
  HandoverKind,
  HandoverState,
  HandoverView,
} from '../../src-shared/api/handover-methods.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import { sizeName, type Translator } from '../dropoff/compartment-text.js';

const kindNames: Record<HandoverKind, MessageKey> = {
  return: 'handover_screen.kind.return',
  exchange: 'handover_screen.kind.exchange',
};

const stateNames: Record<HandoverState, MessageKey> = {
  awaiting_drop: 'handover_screen.state.awaiting_drop',
  in_locker: 'handover_screen.state.in_locker',
  collected: 'handover_screen.state.collected',
  picked_up: 'handover_screen.state.picked_up',
  cancelled: 'handover_screen.state.cancelled',
};

export function kindName(i18n: Translator, kind: HandoverKind): string {
  return i18n.t(kindNames[kind]);
}

export function stateName(i18n: Translator, state: HandoverState): string {
  return i18n.t(stateNames[state]);
}

/** "Zoé Tremblay → Samuel King" for an exchange; "From Zoé Tremblay" for a return. */
export function partiesLine(
  i18n: Translator,
  handover: Pick<HandoverView, 'senderName' | 'receiverName'>,
): string {
  return handover.receiverName === null
    ? i18n.t('handover_screen.item.from', { sender: handover.senderName })
    : i18n.t('handover_screen.item.parties', {
        sender: handover.senderName,
        receiver: handover.receiverName,
      });
}

/** "Medium, 80–120 cm from the floor": where to look before the door even opens (X4). */
export function doorPlace(
  i18n: Translator,
  compartment: Pick<CompartmentBrief, 'size' | 'doorBottomCm' | 'doorTopCm'>,
): string {
  return i18n.t('handover_screen.drop.place', {
    size: sizeName(i18n, compartment.size),
    height: i18n.t('compartment.height', {
      bottom: compartment.doorBottomCm,
      top: compartment.doorTopCm,
    }),
  });
}

/** A day and time to drop by, in the person's language ("12 décembre 2025 à 17:00"). */
export function formatDropBy(locale: string, epochMs: number): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(epochMs);
}

/** "1 day", "7 days". */
export function daysText(i18n: Translator, days: number): string {
  return days === 1
    ? i18n.t('handover_screen.form.days_value.one')
    : i18n.t('handover_screen.form.days_value.many', { days });
}
