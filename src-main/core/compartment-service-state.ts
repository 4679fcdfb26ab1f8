import type {
  CompartmentView,
  ServiceReason,
  ServiceState,
} from '../../src-shared/domain/compartment.js';
import type { Clock } from '../../src-shared/time/clock.js';
import type { KioskDb } from '../db/open-kiosk-database.js';
import {
  findCompartment,
  updateServiceState,
  type CompartmentRow,
} from '../db/queries/compartments.js';
import { recordAction } from '../db/queries/record-action.js';
import type { KioskTx } from '../db/transaction.js';
import { KioskError } from './kiosk-error.js';
import type { CompartmentServiceStateService } from './services.js';

/** The actor of service changes the kiosk makes by itself (door failed, door forced). */
export const automaticActor = 'system';

export interface ServiceChange {
  service: ServiceState;
  /** Why it is out of service; null when it goes back in service. */
  reason: ServiceReason | null;
}

/**
 * Changes a compartment's service state and records the fact (activity + outbox), inside the
 * caller's transaction. Returns the updated row, or undefined when the compartment already was
 * in that state (nothing recorded: the first reason stays until someone puts it back).
 */
export function changeServiceState(
  tx: KioskTx,
  compartment: CompartmentRow,
  change: ServiceChange,
  actor: string,
  nowMs: number,
  details: Record<string, unknown> = {},
): CompartmentRow | undefined {
  if (compartment.serviceState === change.service) {
    return undefined;
  }
  const updated = updateServiceState(
    tx,
    compartment.id,
    { serviceState: change.service, serviceReason: change.reason },
    nowMs,
  );
  if (!updated) {
    return undefined;
  }
  recordAction(
    tx,
    {
      bankId: compartment.bankId,
      type:
        change.service === 'out_of_service'
          ? 'compartment.taken_out_of_service'
          : 'compartment.returned_to_service',
      compartmentId: compartment.id,
      actor,
      details: { label: compartment.label, reason: change.reason, ...details },
    },
    nowMs,
  );
  return updated;
}

export interface CompartmentServiceStatesDependencies {
  db: KioskDb;
  clock: Clock;
  /** Only compartments of this bank are found (the kiosk drives one). */
  bankId: string;
  view(row: CompartmentRow): CompartmentView;
  /** Told after the change commits (pushes 'compartment.changed'). */
  changed(row: CompartmentRow): void;
}

/**
 * G4: operators take a compartment out of service and put it back. Out of service means no new
 * work goes into it; an operator can still open it to empty or fix it. Putting it back starts
 * its count of failed openings again (door-failures.ts reads the returned_to_service fact).
 */
export function createCompartmentServiceStates(
  deps: CompartmentServiceStatesDependencies,
): CompartmentServiceStateService {
  return {
    setService(compartmentId: string, service: ServiceState, actor: string): CompartmentView {
      const change: ServiceChange =
        service === 'out_of_service'
          ? { service, reason: 'operator_request' }
          : { service, reason: null };
      const { compartment, updated } = deps.db.transaction((tx) => {
        const found = findCompartment(tx, compartmentId);
        if (!found || found.bankId !== deps.bankId) {
          throw new KioskError('not_found', { what: 'noun.compartment' });
        }
        return {
          compartment: found,
          updated: changeServiceState(tx, found, change, actor, deps.clock.now()),
        };
      });
      if (!updated) {
        return deps.view(compartment);
      }
      deps.changed(updated);
      return deps.view(updated);
    },
  };
}
