import { findCarrier } from '../../db/queries/carriers.js';
import { findCompartment } from '../../db/queries/compartments.js';
import { findContact } from '../../db/queries/contacts.js';
import { findDepartment } from '../../db/queries/departments.js';
import { findOperator } from '../../db/queries/operators.js';
import {
  listPendingRemoteCommands,
  recordRemoteOpen,
  settleRemoteCommand,
} from '../../db/queries/remote-commands.js';
import {
  applyCloudReservation,
  cancelActiveReservation,
  listActiveReservationIds,
} from '../../db/queries/reservations.js';
import type { EntityAppliers } from './entity-applier.js';
import { requireReference, UnresolvableOp } from './server-op-error.js';

/**
 * The cloud's intents for this bank: reservations (D2, late binding) and remote opens (G5).
 * The bank owns what became of them: a reservation it fulfilled or let expire, a command it ran.
 */
export const intentAppliers: Pick<EntityAppliers, 'delivery_reservation' | 'remote_open'> = {
  delivery_reservation: {
    put(tx, id, value, { bankId, nowMs }) {
      if (value.contactId === null && value.departmentId === null) {
        throw new UnresolvableOp('a reservation names a contact or a department');
      }
      if (value.contactId !== null) {
        requireReference(findContact(tx, value.contactId), 'contact', value.contactId);
      }
      if (value.departmentId !== null) {
        requireReference(findDepartment(tx, value.departmentId), 'department', value.departmentId);
      }
      if (value.preferredCompartmentId !== null) {
        const preferred = findCompartment(tx, value.preferredCompartmentId);
        requireReference(
          preferred?.bankId === bankId ? preferred : undefined,
          'compartment',
          value.preferredCompartmentId,
        );
      }
      if (value.designatedOperatorId !== null) {
        const operatorId = value.designatedOperatorId;
        requireReference(findOperator(tx, operatorId), 'operator', operatorId);
      }
      if (value.designatedCarrierId !== null) {
        const carrierId = value.designatedCarrierId;
        requireReference(findCarrier(tx, carrierId), 'carrier', carrierId);
      }
      applyCloudReservation(tx, bankId, id, value, nowMs);
    },
    // Withdrawn: cancelled while still active; a fulfilled or expired one is the bank's fact.
    del(tx, id, { nowMs }) {
      cancelActiveReservation(tx, id, nowMs);
    },
    keys: (tx, { bankId }) => listActiveReservationIds(tx, bankId),
  },

  remote_open: {
    // Recorded pending, never reset: a command id seen before keeps its state (at most once).
    // An unknown compartment is not the page's fault: the runner refuses the command.
    put(tx, id, value, context) {
      if (recordRemoteOpen(tx, id, value, context.serverOffsetMs, context.nowMs)) {
        context.outcome.remoteOpens += 1;
      }
    },
    // Withdrawn before it ran: it never runs. One that ran or expired stays as it was.
    del(tx, id, { nowMs }) {
      settleRemoteCommand(tx, id, 'refused', nowMs);
    },
    keys: (tx) => listPendingRemoteCommands(tx).map((command) => command.id),
  },
};
