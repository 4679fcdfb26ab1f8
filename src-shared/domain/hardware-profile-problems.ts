import {
  addressingOf,
  protocolProductNames,
  type LockProtocol,
  type BankHardwareSettings,
  type CompartmentWiring,
  type HardwareProfileDocument,
} from './hardware-profile.js';
import type { commissioningMessages } from '../i18n/features/commissioning.js';
import type { MessageParams } from '../i18n/translate.js';

export type ProfileProblemKey = Extract<
  keyof typeof commissioningMessages.en,
  `profile.field.${string}`
>;

/** One wrong field: its path in the document (code-level, every language) and why. */
export interface ProfileProblem {
  field: string;
  key: ProfileProblemKey;
  params: MessageParams;
}

/**
 * What the schema cannot see in a hardware profile (X7): addresses the chosen protocol cannot
 * reach, two compartments on one lock or one label, a door upside down, compartments added or
 * removed (not supported yet). `existing` is the bank's current wiring.
 */
export function findProfileProblems(
  document: HardwareProfileDocument,
  existing: readonly CompartmentWiring[],
): ProfileProblem[] {
  return [
    ...settingsProblems(document.settings),
    ...membershipProblems(document.compartments, existing),
    ...wiringProblems(document),
  ];
}

function settingsProblems(settings: BankHardwareSettings): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  if (settings.protocol !== 'none' && settings.serialPath.trim() === '') {
    problems.push({
      field: 'settings.serialPath',
      key: 'profile.field.serial_path_empty',
      params: {},
    });
  }
  const wedge = settings.keyboardWedge;
  if (wedge.endSilenceMs < wedge.maxInterKeyMs) {
    problems.push({
      field: 'settings.keyboardWedge.endSilenceMs',
      key: 'profile.field.wedge_silence_below_gap',
      params: { silence: wedge.endSilenceMs, gap: wedge.maxInterKeyMs },
    });
  }
  const addressing = addressingOf(settings.protocol);
  const seen = new Set<number>();
  settings.boards.forEach((board, index) => {
    const field = `settings.boards.${index}`;
    if (seen.has(board)) {
      problems.push({ field, key: 'profile.field.board_listed_twice', params: { board } });
    }
    seen.add(board);
    if (addressing && (board < addressing.boards.min || board > addressing.boards.max)) {
      problems.push({
        field,
        key: 'profile.field.board_out_of_range',
        params: { board, ...addressing.boards, protocol: protocolName(settings.protocol) },
      });
    }
  });
  return problems;
}

/** This issue edits existing compartments only: the same set of ids, each once. */
function membershipProblems(
  compartments: readonly CompartmentWiring[],
  existing: readonly CompartmentWiring[],
): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const existingIds = new Set(existing.map((compartment) => compartment.id));
  const seen = new Set<string>();
  compartments.forEach((compartment, index) => {
    const field = `compartments.${index}.id`;
    const params = { label: compartment.label };
    if (!existingIds.has(compartment.id)) {
      problems.push({ field, key: 'profile.field.compartment_unknown', params });
    } else if (seen.has(compartment.id)) {
      problems.push({ field, key: 'profile.field.compartment_twice', params });
    }
    seen.add(compartment.id);
  });
  for (const compartment of existing) {
    if (!seen.has(compartment.id)) {
      problems.push({
        field: 'compartments',
        key: 'profile.field.compartment_missing',
        params: { label: compartment.label },
      });
    }
  }
  return problems;
}

function wiringProblems(document: HardwareProfileDocument): ProfileProblem[] {
  const { settings } = document;
  const addressing = addressingOf(settings.protocol);
  const boards = new Set(settings.boards);
  // Labels are compared case-insensitively: "a1" and "A1" on two doors would confuse people.
  const labels = new Map<string, string>();
  const locks = new Map<string, string>();
  const problems: ProfileProblem[] = [];
  document.compartments.forEach((compartment, index) => {
    const field = (name: keyof CompartmentWiring) => `compartments.${index}.${name}`;
    const { label, board, channel } = compartment;
    if (labels.has(label.toLocaleLowerCase())) {
      problems.push({
        field: field('label'),
        key: 'profile.field.label_duplicate',
        params: { label },
      });
    }
    labels.set(label.toLocaleLowerCase(), label);
    if (compartment.doorTopCm <= compartment.doorBottomCm) {
      problems.push({
        field: field('doorTopCm'),
        key: 'profile.field.door_top_not_above_bottom',
        params: { label, top: compartment.doorTopCm, bottom: compartment.doorBottomCm },
      });
    }
    if (!boards.has(board)) {
      problems.push({
        field: field('board'),
        key: 'profile.field.board_not_listed',
        params: { label, board },
      });
    }
    if (addressing && (channel < addressing.channels.min || channel > addressing.channels.max)) {
      problems.push({
        field: field('channel'),
        key: 'profile.field.channel_out_of_range',
        params: {
          label,
          channel,
          ...addressing.channels,
          protocol: protocolName(settings.protocol),
        },
      });
    }
    const lock = `${board}/${channel}`;
    const other = locks.get(lock);
    if (other !== undefined) {
      problems.push({
        field: field('channel'),
        key: 'profile.field.lock_duplicate',
        params: { label, other, board, channel },
      });
    } else {
      locks.set(lock, label);
    }
  });
  return problems;
}

/** Only called where `addressingOf` found limits, i.e. for a real board protocol. */
function protocolName(protocol: LockProtocol): string {
  return protocol === 'none' ? protocol : protocolProductNames[protocol];
}
