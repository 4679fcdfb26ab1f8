import { v7 as uuidv7 } from 'uuid';
import { mutationArgsHash } from '../../src-main/sync/args-hash.js';
import type { ActivityType } from '../../src-shared/domain/activity.js';
import {
  factMutationVersion,
  type FactArgs,
  type Mutation,
} from '../../src-shared/sync/mutation.js';
import { formatHlc, nextHlc, type HlcStamp } from '../../src-shared/time/hlc.js';

/**
 * Fact mutations as a busy bank's outbox holds them after a time offline: the activity rows the
 * kiosk writes (src-main/db/queries/record-action.ts) for carriers depositing parcels and
 * recipients picking them up, with the same detail shapes as the flows, so every run pushes the
 * same mix (only the UUIDv7 activity ids differ).
 *
 * Each parcel is picked up `pickupLag` deposits later and compartment i holds at most one parcel
 * at a time, so the cloud's projection of physical state stays consistent throughout.
 */
export interface FactStreamOptions {
  bankId: string;
  deviceId: string;
  /** The id of the first mutation this stream makes (a device's ids go up by exactly 1). */
  firstMutationId: number;
  /** Wall time of the first fact; each next fact is `stepMs` later. */
  startWallMs: number;
  stepMs: number;
}

export interface FactStream {
  /** The next mutation of the bank's outbox, in id order. */
  next(): Mutation;
  /** The id the next call will give. */
  readonly nextMutationId: number;
}

interface PlannedFact {
  type: ActivityType;
  compartmentId: string | null;
  actor: string;
  details: Record<string, unknown>;
}

const compartmentCount = 60;
const pickupLag = 40;
const boardSize = 20;
const pickupWindowMs = 7 * 24 * 3_600_000;
const sensorActor = 'door-sensor';

/**
 * A UUID-shaped id for the `n`th entity of a kind, as the kiosk's UUIDv7 ids look (same length,
 * so the payload has the real size), stable from run to run.
 */
function entityId(kind: number, n: number): string {
  const serial = n.toString(16).padStart(12, '0');
  return `0193${kind.toString(16).padStart(4, '0')}-a1b2-7c3d-8e4f-${serial}`;
}

function compartmentOf(parcelNumber: number): {
  id: string;
  label: string;
  board: number;
  channel: number;
} {
  const index = parcelNumber % compartmentCount;
  const label = `${String.fromCharCode(65 + Math.floor(index / boardSize))}${(index % boardSize) + 1}`;
  return {
    id: entityId(1, index),
    label,
    board: Math.floor(index / boardSize),
    channel: (index % boardSize) + 1,
  };
}

function trackingNumber(parcelNumber: number): string {
  return `1Z${String(999_000_000_000 + parcelNumber * 7_919).padStart(16, '0')}`;
}

/** The facts of one carrier visit depositing parcel `n` (door open and closed included). */
function depositFacts(n: number, wallMs: number): PlannedFact[] {
  const compartment = compartmentOf(n);
  const lock = { label: compartment.label, board: compartment.board, channel: compartment.channel };
  const carrier = entityId(2, n % 7);
  const depositId = entityId(3, n);
  const recipient = {
    kind: n % 5 === 0 ? 'department' : 'contact',
    id: entityId(4, (n * 31) % 4_000),
  };
  return [
    {
      type: 'session.signed_in',
      compartmentId: null,
      actor: carrier,
      details: { method: 'badge', role: 'carrier', carrierId: entityId(7, n % 7) },
    },
    {
      type: 'parcel.deposit_started',
      compartmentId: compartment.id,
      actor: carrier,
      details: {
        depositId,
        label: compartment.label,
        size: 'M',
        trackingNumber: trackingNumber(n),
        recipient,
      },
    },
    {
      type: 'compartment.unlock_requested',
      compartmentId: compartment.id,
      actor: carrier,
      details: { ...lock, purpose: 'deposit', depositId },
    },
    {
      type: 'compartment.unlock_observed',
      compartmentId: compartment.id,
      actor: sensorActor,
      details: { ...lock, purpose: 'deposit', observedAfterMs: 180 + (n % 90) },
    },
    { type: 'door.opened', compartmentId: compartment.id, actor: sensorActor, details: lock },
    {
      type: 'door.closed',
      compartmentId: compartment.id,
      actor: sensorActor,
      details: { ...lock, openForMs: 9_000 + (n % 50) * 400 },
    },
    {
      type: 'parcel.deposited',
      compartmentId: compartment.id,
      actor: carrier,
      details: {
        parcelId: entityId(5, n),
        depositId,
        label: compartment.label,
        trackingNumber: trackingNumber(n),
        recipient,
        codeId: entityId(6, n),
        expiresAtMs: wallMs + pickupWindowMs,
        reservationId: null,
      },
    },
    {
      type: 'session.ended',
      compartmentId: null,
      actor: carrier,
      details: { reason: 'signed_out', parcelsDeposited: 1, durationMs: 40_000 + (n % 30) * 1_000 },
    },
  ];
}

/** The facts of a recipient picking up parcel `n` with its code. */
function pickupFacts(n: number): PlannedFact[] {
  const compartment = compartmentOf(n);
  const lock = { label: compartment.label, board: compartment.board, channel: compartment.channel };
  const actor = `code:${entityId(6, n)}`;
  const parcelIds = [entityId(5, n)];
  return [
    { type: 'pickup.started', compartmentId: null, actor, details: { proof: 'code', parcelIds } },
    {
      type: 'pickup.door_requested',
      compartmentId: compartment.id,
      actor,
      details: { label: compartment.label, parcelIds },
    },
    {
      type: 'compartment.unlock_requested',
      compartmentId: compartment.id,
      actor,
      details: { ...lock, purpose: 'pickup' },
    },
    { type: 'door.opened', compartmentId: compartment.id, actor: sensorActor, details: lock },
    {
      type: 'door.closed',
      compartmentId: compartment.id,
      actor: sensorActor,
      details: { ...lock, openForMs: 6_000 + (n % 40) * 300 },
    },
    {
      type: 'parcel.picked_up',
      compartmentId: compartment.id,
      actor,
      details: {
        parcelId: parcelIds[0],
        label: compartment.label,
        consumedCodeIds: [entityId(6, n)],
      },
    },
  ];
}

export function createFactStream(options: FactStreamOptions): FactStream {
  let mutationId = options.firstMutationId;
  let wallMs = options.startWallMs;
  let hlc: HlcStamp | undefined;
  let parcelNumber = 0;
  const planned: PlannedFact[] = [];

  function plan(): void {
    planned.push(...depositFacts(parcelNumber, wallMs));
    if (parcelNumber >= pickupLag) {
      planned.push(...pickupFacts(parcelNumber - pickupLag));
    }
    parcelNumber += 1;
  }

  return {
    get nextMutationId() {
      return mutationId;
    },
    next(): Mutation {
      if (planned.length === 0) {
        plan();
      }
      const fact = planned.shift()!;
      hlc = nextHlc(hlc, wallMs, options.deviceId);
      const args: FactArgs = {
        activityId: uuidv7({ msecs: wallMs }),
        bankId: options.bankId,
        compartmentId: fact.compartmentId,
        actor: fact.actor,
        details: fact.details,
      };
      const mutation: Mutation = {
        id: mutationId,
        name: fact.type,
        v: factMutationVersion,
        args,
        argsHash: mutationArgsHash(fact.type, factMutationVersion, args),
        hlc: formatHlc(hlc),
        wallTime: wallMs,
      };
      mutationId += 1;
      wallMs += options.stepMs;
      return mutation;
    },
  };
}
