import type Database from 'better-sqlite3';
import type {
  AllocationBank,
  AllocationCompartment,
  AllocationParty,
  CompartmentFault,
} from '../../src-shared/allocation/index.js';

/**
 * The allocation benchmark's SQLite side: the same 1,000 compartments as a STRICT table in
 * plain columns, as a kiosk schema would hold them, with the index a "free compartment of this
 * size, lowest door" query uses.
 */
export function createCompartmentTable(sqlite: Database.Database, bank: AllocationBank): void {
  sqlite.exec(`CREATE TABLE bench_compartment (
      id TEXT PRIMARY KEY, label TEXT NOT NULL, size TEXT NOT NULL,
      door_bottom_cm INTEGER NOT NULL, door_top_cm INTEGER NOT NULL,
      service TEXT NOT NULL, fault TEXT,
      state TEXT NOT NULL, party_kind TEXT, party_id TEXT, purpose TEXT, parcel_id TEXT,
      dedicated_kind TEXT, dedicated_id TEXT
    ) STRICT;
    CREATE INDEX bench_compartment_free ON bench_compartment (state, size, door_bottom_cm);`);
  const insert = sqlite.prepare(`INSERT INTO bench_compartment VALUES (@id, @label, @size,
    @bottom, @top, @service, @fault, @state, @partyKind, @partyId, @purpose, @parcelId,
    @dedicatedKind, @dedicatedId)`);
  sqlite.transaction((compartments: readonly AllocationCompartment[]) => {
    for (const compartment of compartments) {
      const { occupancy, dedicatedTo } = compartment;
      const held = occupancy.state === 'free' ? null : occupancy;
      insert.run({
        id: compartment.id,
        label: compartment.label,
        size: compartment.size,
        bottom: compartment.doorBottomCm,
        top: compartment.doorTopCm,
        service: compartment.service,
        fault: compartment.fault,
        state: occupancy.state,
        partyKind: held?.party.kind ?? null,
        partyId: held?.party.id ?? null,
        purpose: held?.purpose ?? null,
        parcelId: held?.state === 'reserved' ? held.parcelId : null,
        dedicatedKind: dedicatedTo?.kind ?? null,
        dedicatedId: dedicatedTo?.id ?? null,
      });
    }
  })(bank.compartments);
}

export interface CompartmentRow {
  id: string;
  label: string;
  size: 'S' | 'M' | 'L';
  door_bottom_cm: number;
  door_top_cm: number;
  service: 'in_service' | 'out_of_service';
  fault: CompartmentFault | null;
  state: 'free' | 'reserved' | 'occupied';
  party_kind: AllocationParty['kind'] | null;
  party_id: string | null;
  purpose: 'delivery' | 'storage' | null;
  parcel_id: string | null;
  dedicated_kind: AllocationParty['kind'] | null;
  dedicated_id: string | null;
}

function partyOf(kind: AllocationParty['kind'] | null, id: string | null): AllocationParty | null {
  return kind === null || id === null ? null : { kind, id };
}

/** A row back into the engine's input, as the kiosk core would map its own rows. */
export function toCompartment(row: CompartmentRow): AllocationCompartment {
  const party = partyOf(row.party_kind, row.party_id);
  const purpose = row.purpose ?? 'delivery';
  return {
    id: row.id,
    label: row.label,
    size: row.size,
    doorBottomCm: row.door_bottom_cm,
    doorTopCm: row.door_top_cm,
    service: row.service,
    fault: row.fault,
    occupancy:
      row.state === 'free' || party === null
        ? { state: 'free' }
        : row.state === 'reserved'
          ? { state: 'reserved', party, purpose, parcelId: row.parcel_id }
          : { state: 'occupied', party, purpose },
    dedicatedTo: partyOf(row.dedicated_kind, row.dedicated_id),
  };
}
