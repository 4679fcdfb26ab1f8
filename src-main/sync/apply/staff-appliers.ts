import {
  deactivateBadge,
  deactivateOtherBadges,
  deleteBadge,
  listBadgeIds,
  upsertBadge,
} from '../../db/queries/badges.js';
import {
  deleteCarrier,
  listCarriers,
  releaseCarrierCode,
  setCarrierActive,
  upsertCarrier,
} from '../../db/queries/carriers.js';
import { findContact } from '../../db/queries/contacts.js';
import {
  deleteOperator,
  findOperator,
  listOperators,
  releaseUserName,
  setOperatorActive,
  upsertOperator,
} from '../../db/queries/operators.js';
import type { EntityAppliers } from './entity-applier.js';
import { deleteOrDeactivate } from './retire-row.js';
import { requireReference, UnresolvableOp } from './server-op-error.js';

/** Operators, carriers and badges (D1, D10, C5): tenant-wide, owned by the cloud. */
export const staffAppliers: Pick<EntityAppliers, 'operator' | 'carrier' | 'badge'> = {
  operator: {
    put(tx, id, value, { nowMs }) {
      releaseUserName(tx, value.userName, id, nowMs);
      // Failed sign-ins and the lock (A8) are the bank's: upsertOperator leaves them alone.
      upsertOperator(tx, id, value, nowMs);
    },
    del(tx, id, { nowMs }) {
      deleteOrDeactivate(
        tx,
        (savepoint) => deleteOperator(savepoint, id),
        () => setOperatorActive(tx, id, false, nowMs),
      );
    },
    keys: (tx) => listOperators(tx).map((operator) => operator.id),
  },

  carrier: {
    put(tx, id, value, { nowMs }) {
      releaseCarrierCode(tx, value.codeHash, id, nowMs);
      upsertCarrier(tx, id, value, nowMs);
    },
    del(tx, id, { nowMs }) {
      deleteOrDeactivate(
        tx,
        (savepoint) => deleteCarrier(savepoint, id),
        () => setCarrierActive(tx, id, false, nowMs),
      );
    },
    keys: (tx) => listCarriers(tx).map((carrier) => carrier.id),
  },

  badge: {
    put(tx, id, value, { nowMs }) {
      if (value.ownerKind === 'operator') {
        if (value.operatorId === null || value.contactId !== null) {
          throw new UnresolvableOp('an operator badge names its operator and no contact');
        }
        requireReference(findOperator(tx, value.operatorId), 'operator', value.operatorId);
      } else {
        if (value.contactId === null || value.operatorId !== null) {
          throw new UnresolvableOp('a contact badge names its contact and no operator');
        }
        requireReference(findContact(tx, value.contactId), 'contact', value.contactId);
      }
      if (value.active) {
        deactivateOtherBadges(tx, value.valueHash, id, nowMs);
      }
      upsertBadge(
        tx,
        id,
        {
          valueHash: value.valueHash,
          owner:
            value.ownerKind === 'operator'
              ? { kind: 'operator', operatorId: value.operatorId ?? '' }
              : { kind: 'contact', contactId: value.contactId ?? '' },
          active: value.active,
        },
        nowMs,
      );
    },
    del(tx, id, { nowMs }) {
      deleteOrDeactivate(
        tx,
        (savepoint) => deleteBadge(savepoint, id),
        () => deactivateBadge(tx, id, nowMs),
      );
    },
    keys: (tx) => listBadgeIds(tx),
  },
};
