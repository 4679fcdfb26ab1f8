import type { LockAddress } from '../../src-shared/domain/compartment.js';
import type { KioskHardware } from '../core/kiosk-hardware.js';

/**
 * Work that finishes when a door the kiosk opened closes again: a deposit counts, a parcel is
 * taken, expired parcels are out (door truth, X2: the door seen open and then closed).
 *
 * A flow claims a compartment before it pulses the lock and releases it when its work is done,
 * so allocation never hands a compartment to someone else while its door is, or is about to
 * be, open for another task.
 */
export interface DoorWatch {
  /**
   * Calls `onClosed` once, the next time the door at `lock` is seen closed. Several tasks may
   * wait on one door (a pickup and an operator's opening of the same door): each is told.
   */
  untilClosed(lock: LockAddress, onClosed: () => void): () => void;
  claim(compartmentId: string): () => void;
  isClaimed(compartmentId: string): boolean;
  readonly claimed: ReadonlySet<string>;
  stop(): void;
}

export function createDoorWatch(hardware: Pick<KioskHardware, 'onDoorChanged'>): DoorWatch {
  const watchers = new Map<string, Set<() => void>>();
  const claims = new Map<string, number>();
  const claimed = new Set<string>();
  const keyOf = (lock: LockAddress) => `${lock.board}:${lock.channel}`;

  const stopListening = hardware.onDoorChanged((lock, door) => {
    const waiting = door === 'closed' ? watchers.get(keyOf(lock)) : undefined;
    if (waiting) {
      watchers.delete(keyOf(lock));
      for (const onClosed of waiting) {
        onClosed();
      }
    }
  });

  return {
    untilClosed: (lock, onClosed) => {
      const key = keyOf(lock);
      const waiting = watchers.get(key) ?? new Set<() => void>();
      waiting.add(onClosed);
      watchers.set(key, waiting);
      return () => {
        watchers.get(key)?.delete(onClosed);
      };
    },
    claim: (compartmentId) => {
      claims.set(compartmentId, (claims.get(compartmentId) ?? 0) + 1);
      claimed.add(compartmentId);
      let released = false;
      return () => {
        if (released) {
          return;
        }
        released = true;
        const left = (claims.get(compartmentId) ?? 1) - 1;
        if (left > 0) {
          claims.set(compartmentId, left);
        } else {
          claims.delete(compartmentId);
          claimed.delete(compartmentId);
        }
      };
    },
    isClaimed: (compartmentId) => claimed.has(compartmentId),
    claimed,
    stop: () => {
      stopListening();
      watchers.clear();
    },
  };
}
