import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HardwareProfileDocument } from '../../../src-shared/domain/hardware-profile.js';
import { startCoreHarness, testSerialPath, type CoreHarness } from './core-harness.js';

/** X7: the bank's hardware profile as data, read and saved through the one dispatcher. */
describe('hardware.profile.get / hardware.profile.save', () => {
  let harness: CoreHarness;
  const saveProfile = (document: HardwareProfileDocument) =>
    harness.call('hardware.profile.save', { profile: document });
  let stored: HardwareProfileDocument;

  function edited(edit: (draft: HardwareProfileDocument) => void): HardwareProfileDocument {
    const draft = structuredClone(stored);
    edit(draft);
    return draft;
  }

  function byLabel(document: HardwareProfileDocument, label: string) {
    const found = document.compartments.find((compartment) => compartment.label === label);
    if (!found) {
      throw new Error(`no compartment ${label}`);
    }
    return found;
  }

  async function pulse(...labels: string[]): Promise<void> {
    for (const label of labels) {
      const target = await harness.compartment(label);
      await harness.call('commissioning.pulse', { compartmentId: target.id });
      harness.hardware.setDoor(target.lock, 'closed');
    }
  }

  async function checkedLabels(): Promise<string[]> {
    return (await harness.call('commissioning.results', {})).map((check) => check.label).sort();
  }

  beforeEach(async () => {
    harness = await startCoreHarness();
    stored = await harness.profile();
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('reads the stored profile: settings and every compartment’s wiring, in bus order', async () => {
    expect(stored.settings).toMatchObject({
      protocol: 'kerong-cu16',
      serialPath: testSerialPath,
      baudRate: 19200,
      boards: [0, 1],
      failuresBeforeOutOfService: 3,
      itemSensors: true,
    });
    expect(stored.compartments).toHaveLength(24);
    const views = await harness.compartments();
    expect(stored.compartments).toEqual(
      views.map(({ id, label, size, doorBottomCm, doorTopCm, lock }) => ({
        id,
        label,
        size,
        doorBottomCm,
        doorTopCm,
        ...lock,
      })),
    );
  });

  it('saves a valid profile: stored, answered back, recorded as hardware.profile_saved', async () => {
    await harness.clock.advance(5000);
    const document = edited((draft) => {
      draft.settings.pollIntervalMs = 400;
      draft.settings.boards = [1, 0];
      const first = draft.compartments[0]!;
      Object.assign(first, { label: 'A1', size: 'L', doorBottomCm: 160, doorTopCm: 196 });
    });

    const saved = await saveProfile(document);

    expect(saved).toEqual(document);
    expect(await harness.profile()).toEqual(document);
    expect(await harness.compartment('A1')).toMatchObject({
      id: document.compartments[0]!.id,
      size: 'L',
      doorBottomCm: 160,
      doorTopCm: 196,
    });
    const facts = harness.facts();
    expect(facts.map((fact) => [fact.type, fact.actor, fact.compartmentId])).toEqual([
      ['hardware.profile_saved', harness.actor, null],
    ]);
    expect(facts[0]!.details).toEqual(document);
    expect(facts[0]!.outbox?.name).toBe('hardware.profile_saved');
    expect(harness.rows('SELECT updated_at FROM bank_hardware')).toEqual([
      { updated_at: harness.clock.now() },
    ]);
    const changed = harness.rows(
      'SELECT label FROM compartment WHERE updated_at = ?',
      harness.clock.now(),
    );
    expect(changed).toEqual([{ label: 'A1' }]);
  });

  it('swaps two compartments’ locks and labels in one save (no unique-index collision)', async () => {
    const document = edited((draft) => {
      const one = byLabel(draft, '1');
      const two = byLabel(draft, '2');
      [one.channel, two.channel] = [two.channel, one.channel];
      [one.label, two.label] = [two.label, one.label];
    });

    await saveProfile(document);

    const profile = await harness.profile();
    expect(byLabel(profile, '1')).toMatchObject({ id: byLabel(stored, '2').id, channel: 1 });
    expect(byLabel(profile, '2')).toMatchObject({ id: byLabel(stored, '1').id, channel: 2 });
    // Door movements now belong to the compartment wired to that lock.
    harness.hardware.setDoor({ board: 0, channel: 1 }, 'closed');
    expect(harness.eventsNamed('door.changed')).toEqual([
      { compartmentId: byLabel(stored, '2').id, label: '1', door: 'closed' },
    ]);
  });

  it('saves a bank without lock hardware (protocol none, empty serial path)', async () => {
    const document = edited((draft) => {
      draft.settings.protocol = 'none';
      draft.settings.serialPath = '';
      draft.settings.boards = [0, 1, 31];
    });
    expect((await saveProfile(document)).settings.protocol).toBe('none');
  });

  describe('commissioning results after a save (cleared when what they checked changed)', () => {
    beforeEach(async () => {
      await pulse('1', '2', '3');
      expect(await checkedLabels()).toEqual(['1', '2', '3']);
    });

    it('keeps them when only labels, sizes, heights or timings change', async () => {
      await saveProfile(
        edited((draft) => {
          byLabel(draft, '1').label = 'A1';
          byLabel(draft, '2').size = 'L';
          byLabel(draft, '3').doorTopCm += 5;
          draft.settings.openTimeoutMs = 5000;
          draft.settings.serialPath = '/dev/serial/by-id/usb-another-adapter';
        }),
      );
      expect(await checkedLabels()).toEqual(['2', '3', 'A1']);
    });

    it('forgets the compartments whose lock changed, and only those', async () => {
      await saveProfile(
        edited((draft) => {
          byLabel(draft, '1').channel = 16;
        }),
      );
      expect(await checkedLabels()).toEqual(['2', '3']);
      await saveProfile(
        edited((draft) => {
          byLabel(draft, '1').channel = 16;
          byLabel(draft, '2').board = 1;
          byLabel(draft, '2').channel = 15;
        }),
      );
      expect(await checkedLabels()).toEqual(['3']);
    });

    it('forgets every result when the lock-bit polarity changes (every reading meant the opposite)', async () => {
      await saveProfile(
        edited((draft) => {
          draft.settings.lockBitOpenValue = 0;
        }),
      );
      expect(await checkedLabels()).toEqual([]);
      expect(harness.rows('SELECT * FROM commissioning_check')).toEqual([]);
      // The history stays in the activity log.
      expect(harness.factTypes().filter((type) => type === 'commissioning.checked')).toHaveLength(
        3,
      );
    });

    it('forgets every result when the protocol changes', async () => {
      await saveProfile(
        edited((draft) => {
          draft.settings.protocol = 'xor-8a';
          draft.settings.boards = [1, 2];
          for (const compartment of draft.compartments) {
            compartment.board += 1;
          }
        }),
      );
      expect(await checkedLabels()).toEqual([]);
    });
  });
});
