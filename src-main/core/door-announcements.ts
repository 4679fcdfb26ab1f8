import type { CompartmentView } from '../../src-shared/domain/compartment.js';
import type { DoorAlarm, HardwareStatus } from '../../src-shared/domain/door.js';
import type { KioskDispatcher } from '../api/dispatcher.js';
import type { CompartmentRow } from '../db/queries/compartments.js';

/** Where door truth pushes its events: the dispatcher, once the bridge has started. */
export type EventSink = Pick<KioskDispatcher, 'emit'>;

/**
 * The screen side of door truth: turns committed facts into kiosk events. Events are only ever
 * announced after their facts commit. Until `attach`, nothing is pushed: nothing can raise one
 * before the bridge starts (method calls come through the dispatcher, sensor changes through
 * the bridge).
 */
export class DoorAnnouncer {
  readonly #view: (row: CompartmentRow) => CompartmentView;
  #sink: EventSink | undefined;

  constructor(view: (row: CompartmentRow) => CompartmentView) {
    this.#view = view;
  }

  attach(sink: EventSink | undefined): void {
    this.#sink = sink;
  }

  doorChanged(compartment: CompartmentRow, door: CompartmentView['door']): void {
    this.#sink?.emit('door.changed', {
      compartmentId: compartment.id,
      label: compartment.label,
      door,
    });
  }

  alarm(compartment: CompartmentRow, alarm: DoorAlarm): void {
    this.#sink?.emit('door.alarm', {
      compartmentId: compartment.id,
      label: compartment.label,
      alarm,
    });
  }

  /** Service state or item sensor changed: the whole compartment as the screens show it. */
  compartmentChanged(compartment: CompartmentRow): void {
    this.#sink?.emit('compartment.changed', this.#view(compartment));
  }

  hardwareChanged(hardware: HardwareStatus): void {
    this.#sink?.emit('hardware.changed', { hardware });
  }
}
