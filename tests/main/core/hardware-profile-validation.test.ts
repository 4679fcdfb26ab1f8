import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HardwareProfileDocument } from '../../../src-shared/domain/hardware-profile.js';
import type { Locale } from '../../../src-shared/i18n/locales.js';
import { startCoreHarness, type CoreHarness, type Row } from './core-harness.js';

/**
 * X7: a refused hardware profile names every wrong field in the caller's language, and changes
 * nothing at all: no settings, no wiring, no fact, no restart.
 */
describe('hardware.profile.save refuses an invalid profile', () => {
  let harness: CoreHarness;
  let stored: HardwareProfileDocument;

  /** Every row of every table: what "nothing half-applied" is compared on. */
  function databaseContents(): Record<string, Row[]> {
    const tables = harness
      .rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .map((row) => row['name'] as string);
    return Object.fromEntries(
      tables.map((table) => [table, harness.rows(`SELECT * FROM "${table}" ORDER BY rowid`)]),
    );
  }

  function edited(edit: (draft: HardwareProfileDocument) => void): HardwareProfileDocument {
    const draft = structuredClone(stored);
    edit(draft);
    return draft;
  }

  async function refusal(
    document: HardwareProfileDocument,
    locale: Locale,
  ): Promise<{ code: string; message: string }> {
    const result = await harness.invoke('hardware.profile.save', { profile: document }, locale);
    if (result.ok) {
      throw new Error('the profile was saved');
    }
    return result.error;
  }

  beforeEach(async () => {
    harness = await startCoreHarness();
    stored = await harness.profile();
    // The demo bank: KR-CU16 boards 0 and 1, 24 compartments in bus order (label 1 = board 0 lock 1).
    expect(stored.settings.protocol).toBe('kerong-cu16');
    expect(stored.compartments.slice(0, 2).map((c) => [c.label, c.board, c.channel])).toEqual([
      ['1', 0, 1],
      ['2', 0, 2],
    ]);
  });
  afterEach(async () => {
    await harness.stop();
  });

  const cases: {
    name: string;
    edit: (draft: HardwareProfileDocument) => void;
    en: string;
    fr: string;
  }[] = [
    {
      name: 'a board listed twice',
      edit: (draft) => {
        draft.settings.boards = [0, 1, 1];
      },
      en: 'settings.boards.2: board 1 is listed twice',
      fr: 'settings.boards.2: la carte 1 figure deux fois',
    },
    {
      name: 'a board address the protocol cannot have (KR-CU16: 0–15)',
      edit: (draft) => {
        draft.settings.boards = [0, 1, 16];
      },
      en: 'settings.boards.2: board address 16 is outside 0–15, the addresses Kerong KR-CU16 boards can have',
      fr: 'settings.boards.2: l’adresse de carte 16 est hors de 0–15, les adresses possibles des cartes Kerong KR-CU16',
    },
    {
      name: 'a board address the protocol cannot have (0x8A: 1–31)',
      edit: (draft) => {
        draft.settings.protocol = 'xor-8a';
      },
      en: 'settings.boards.0: board address 0 is outside 1–31, the addresses RS-485 0x8A/0x80 boards can have',
      fr: 'settings.boards.0: l’adresse de carte 0 est hors de 1–31, les adresses possibles des cartes RS-485 0x8A/0x80',
    },
    {
      name: 'two compartments on the same lock',
      edit: (draft) => {
        draft.compartments[1]!.channel = 1;
      },
      en: 'compartments.1.channel: compartments 1 and 2 are both wired to board 0, lock 1',
      fr: 'compartments.1.channel: les casiers 1 et 2 sont tous deux câblés sur la carte 0, serrure 1',
    },
    {
      name: 'an empty serial path',
      edit: (draft) => {
        draft.settings.serialPath = '  ';
      },
      en: 'settings.serialPath: the serial path is empty',
      fr: 'settings.serialPath: le chemin série est vide',
    },
    {
      name: 'a door top below its bottom',
      edit: (draft) => {
        draft.compartments[0]!.doorTopCm = draft.compartments[0]!.doorBottomCm - 10;
      },
      en: 'compartments.0.doorTopCm: compartment 1: the door top (155 cm) must be above the door bottom (165 cm)',
      fr: 'compartments.0.doorTopCm: casier 1 : le haut de la porte (155 cm) doit être au-dessus du bas (165 cm)',
    },
    {
      name: 'a door with no height',
      edit: (draft) => {
        draft.compartments[0]!.doorTopCm = draft.compartments[0]!.doorBottomCm;
      },
      en: 'compartments.0.doorTopCm: compartment 1: the door top (165 cm)',
      fr: 'compartments.0.doorTopCm: casier 1 : le haut de la porte (165 cm)',
    },
    {
      name: 'a lock the board does not have',
      edit: (draft) => {
        draft.compartments[2]!.channel = 17;
      },
      en: 'compartments.2.channel: compartment 3: lock 17 is outside 1–16, the locks of a Kerong KR-CU16 board',
      fr: 'compartments.2.channel: casier 3 : la serrure 17 est hors de 1–16, les serrures d’une carte Kerong KR-CU16',
    },
    {
      name: 'a compartment on a board that is not listed',
      edit: (draft) => {
        draft.compartments[3]!.board = 5;
      },
      en: 'compartments.3.board: compartment 4 is on board 5, which is not in the list of boards',
      fr: 'compartments.3.board: le casier 4 est sur la carte 5, absente de la liste des cartes',
    },
    {
      name: 'one label on two doors (case does not matter)',
      edit: (draft) => {
        draft.compartments[0]!.label = 'A1';
        draft.compartments[1]!.label = 'a1';
      },
      en: 'compartments.1.label: label a1 is used twice',
      fr: 'compartments.1.label: l’étiquette a1 est utilisée deux fois',
    },
    {
      name: 'a compartment that is not part of the bank',
      edit: (draft) => {
        draft.compartments[0]!.id = 'compartment-from-elsewhere';
      },
      en: 'compartments.0.id: compartment 1 is not part of this bank',
      fr: 'compartments.0.id: le casier 1 ne fait pas partie de cette consigne',
    },
    {
      name: 'a compartment missing',
      edit: (draft) => {
        draft.compartments.pop();
      },
      en: 'compartments: compartment 24 is missing',
      fr: 'compartments: le casier 24 manque',
    },
    {
      name: 'a compartment twice',
      edit: (draft) => {
        draft.compartments.push({ ...draft.compartments[0]!, label: 'X', channel: 16 });
      },
      en: 'compartments.24.id: compartment X appears twice',
      fr: 'compartments.24.id: le casier X figure deux fois',
    },
    {
      name: 'a keyboard scan that would end before its keys may pause',
      edit: (draft) => {
        draft.settings.keyboardWedge = { maxInterKeyMs: 80, endSilenceMs: 60, minLength: 5 };
      },
      en: 'settings.keyboardWedge.endSilenceMs: the silence that ends a keyboard scan (60 ms) must be at least the longest gap between its keys (80 ms)',
      fr: 'settings.keyboardWedge.endSilenceMs: le silence qui termine un scan au clavier (60 ms) doit être au moins égal au plus long écart entre ses touches (80 ms)',
    },
  ];

  it.each(cases)('$name: named in English, nothing changed', async ({ edit, en }) => {
    const before = databaseContents();
    const error = await refusal(edited(edit), 'en');
    expect(error.code).toBe('invalid_hardware_profile');
    expect(error.message.startsWith('The hardware profile was not saved. ')).toBe(true);
    expect(error.message).toContain(en);
    expect(databaseContents()).toEqual(before);
    expect(await harness.profile()).toEqual(stored);
  });

  it.each(cases)('$name: named in French', async ({ edit, fr }) => {
    const error = await refusal(edited(edit), 'fr');
    expect(error.code).toBe('invalid_hardware_profile');
    expect(error.message.startsWith('Le profil matériel n’a pas été enregistré. ')).toBe(true);
    expect(error.message).toContain(fr);
  });

  it('names every problem at once, then says how many more there are', async () => {
    const document = edited((draft) => {
      for (const compartment of draft.compartments) {
        compartment.doorTopCm = compartment.doorBottomCm;
      }
    });
    const error = await refusal(document, 'en');
    const named = error.message.match(/compartments\.\d+\.doorTopCm/g) ?? [];
    expect(named).toEqual(
      Array.from({ length: 8 }, (_, index) => `compartments.${index}.doorTopCm`),
    );
    expect(error.message).toMatch(/; and 16 more problems\.$/);
    expect((await refusal(document, 'fr')).message).toMatch(/; et 16 autres problèmes\.$/);
  });

  it('refuses a value of the wrong shape before the service sees it, naming the field', async () => {
    const before = databaseContents();
    const document = edited((draft) => {
      draft.settings.baudRate = 12;
    });
    const error = await refusal(document, 'en');
    expect(error).toEqual({
      code: 'invalid_argument',
      message: 'The request is not valid: profile.settings.baudRate',
    });
    expect(databaseContents()).toEqual(before);
  });

  it('does not apply the settings of a refused profile to the doors either', async () => {
    const target = await harness.compartment('1');
    await refusal(
      edited((draft) => {
        draft.settings.failuresBeforeOutOfService = 1;
        draft.settings.boards = [0, 1, 1];
      }),
      'en',
    );
    harness.hardware.nextOutcome = 'jammed';
    await harness.call('compartment.open', { compartmentId: target.id });
    expect((await harness.compartment('1')).service).toBe('in_service');
  });
});
