import { findOperatorByUserName } from '../db/queries/operators.js';
import type { KioskReader } from '../db/transaction.js';
import type { OperatorDirectory } from './operator-sign-in.js';

/**
 * createOperatorSignIn's directory over the operator table. User names are matched as the query
 * does (without case or surrounding spaces). An inactive operator is answered as unknown, so
 * sign-in refuses them with the same message and the same scrypt work as a name nobody has: a
 * deactivated account neither signs in nor reveals that it exists. Its lockout state is not
 * touched either (sign-in never counts failures for an account it did not find).
 */
export function createSqliteOperatorDirectory(reader: KioskReader): OperatorDirectory {
  return {
    findByUserName: (userName) => {
      const operator = findOperatorByUserName(reader, userName);
      if (!operator?.active) {
        return undefined;
      }
      return { accountId: operator.id, passwordHash: operator.passwordHash };
    },
  };
}
