import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../../src-main/app-root.js';

/**
 * resources/udev/*.rules are read by udev on the kiosk machine, never by our code, so a typo
 * would only show as a scanner or lock bus the kiosk cannot open. Debian 12's udev (252) has no
 * `udevadm verify` (it came in 253), so every rule is checked here against the keys and
 * operators of udev(7).
 */

const folder = join(findAppRoot(import.meta.url), 'resources', 'udev');
const ruleFiles = readdirSync(folder).filter((name) => name.endsWith('.rules'));

type KeyKind = 'match' | 'assign' | 'either';
interface KeySpec {
  kind: KeyKind;
  /** Whether the key takes `{…}`: ATTRS{idVendor}, ENV{ID_BUS}, RUN{program}. */
  braces: 'required' | 'optional' | 'never';
}

// udev(7), "Rules Files", systemd 252. PROGRAM and IMPORT treat every operator as a match.
const keys: Record<string, KeySpec> = {
  ACTION: { kind: 'match', braces: 'never' },
  DEVPATH: { kind: 'match', braces: 'never' },
  KERNEL: { kind: 'match', braces: 'never' },
  KERNELS: { kind: 'match', braces: 'never' },
  SUBSYSTEM: { kind: 'match', braces: 'never' },
  SUBSYSTEMS: { kind: 'match', braces: 'never' },
  DRIVER: { kind: 'match', braces: 'never' },
  DRIVERS: { kind: 'match', braces: 'never' },
  ATTRS: { kind: 'match', braces: 'required' },
  CONST: { kind: 'match', braces: 'required' },
  TAGS: { kind: 'match', braces: 'never' },
  TEST: { kind: 'match', braces: 'optional' },
  RESULT: { kind: 'match', braces: 'never' },
  PROGRAM: { kind: 'either', braces: 'never' },
  NAME: { kind: 'either', braces: 'never' },
  SYMLINK: { kind: 'either', braces: 'never' },
  ATTR: { kind: 'either', braces: 'required' },
  SYSCTL: { kind: 'either', braces: 'required' },
  ENV: { kind: 'either', braces: 'required' },
  TAG: { kind: 'either', braces: 'never' },
  IMPORT: { kind: 'either', braces: 'required' },
  OWNER: { kind: 'assign', braces: 'never' },
  GROUP: { kind: 'assign', braces: 'never' },
  MODE: { kind: 'assign', braces: 'never' },
  SECLABEL: { kind: 'assign', braces: 'required' },
  RUN: { kind: 'assign', braces: 'optional' },
  LABEL: { kind: 'assign', braces: 'never' },
  GOTO: { kind: 'assign', braces: 'never' },
  OPTIONS: { kind: 'assign', braces: 'never' },
};
const matchOperators = ['==', '!='];

interface Token {
  key: string;
  attribute: string | undefined;
  operator: string;
  value: string;
}

// KEY{attribute}OP"value", then a comma or the end of the line.
const tokenPattern =
  /^\s*([A-Za-z_]+)(?:\{([^}]*)\})?\s*(==|!=|\+=|-=|:=|=)\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)/;

/** Problems with one rule line, as "what: why"; empty when udev would take it. */
function ruleProblems(rule: string): string[] {
  const problems: string[] = [];
  const tokens: Token[] = [];
  let rest = rule.trim();
  while (rest !== '') {
    const found = tokenPattern.exec(rest);
    if (!found) {
      return [`cannot read a KEY=="value" pair at: ${rest}`];
    }
    const [whole, key = '', attribute, operator = '', value = ''] = found;
    tokens.push({ key, attribute, operator, value });
    rest = rest.slice(whole.length).trim();
  }
  for (const { key, attribute, operator, value } of tokens) {
    const spec = keys[key];
    if (!spec) {
      problems.push(`${key}: not a udev key`);
      continue;
    }
    if (spec.braces === 'required' && attribute === undefined) {
      problems.push(`${key}: needs {…}`);
    }
    if (spec.braces === 'never' && attribute !== undefined) {
      problems.push(`${key}{${attribute}}: takes no {…}`);
    }
    const isMatch = matchOperators.includes(operator);
    if (spec.kind === 'match' && !isMatch) {
      problems.push(`${key}${operator}: a match key needs == or !=`);
    }
    if (spec.kind === 'assign' && isMatch) {
      problems.push(`${key}${operator}: an assignment key needs =, +=, -= or :=`);
    }
    if ((attribute === 'idVendor' || attribute === 'idProduct') && !/^[0-9a-f]{4}$/.test(value)) {
      problems.push(`${key}{${attribute}}=="${value}": sysfs writes 4 lower-case hex digits`);
    }
    if (key === 'MODE' && !/^0[0-7]{3}$/.test(value)) {
      problems.push(`MODE="${value}": not an octal mode like 0660`);
    }
  }
  if (!tokens.some((token) => !matchOperators.includes(token.operator))) {
    problems.push('the rule assigns nothing');
  }
  return problems;
}

/** The rule lines of a file: comments and blank lines dropped, `\` continuations joined. */
function ruleLines(text: string): { line: number; rule: string }[] {
  const rules: { line: number; rule: string }[] = [];
  let pending: { line: number; rule: string } | undefined;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (!pending && (trimmed === '' || trimmed.startsWith('#'))) {
      return;
    }
    const current = pending ?? { line: index + 1, rule: '' };
    const continues = trimmed.endsWith('\\');
    const part = continues ? trimmed.slice(0, -1).trim() : trimmed;
    current.rule = current.rule === '' ? part : `${current.rule} ${part}`;
    pending = continues ? current : undefined;
    if (!continues) {
      rules.push(current);
    }
  });
  return rules;
}

describe('the rule checker', () => {
  it('accepts a correct rule', () => {
    expect(
      ruleProblems(
        'SUBSYSTEM=="tty", ATTRS{idVendor}=="0403", MODE="0660", GROUP="casier", ENV{X}="1"',
      ),
    ).toEqual([]);
  });

  it.each([
    ['a misspelt key', 'SUBSYTEM=="tty", MODE="0660"', 'SUBSYTEM: not a udev key'],
    ['an assignment to a match key', 'ATTRS{idVendor}="0403", MODE="0660"', 'a match key needs'],
    ['a comparison of an assignment key', 'KERNEL=="ttyUSB0", GROUP=="casier"', 'assigns nothing'],
    ['upper-case hex', 'ATTRS{idVendor}=="0C2E", MODE="0660"', '4 lower-case hex digits'],
    ['a missing brace', 'ENV=="1", MODE="0660"', 'ENV: needs {…}'],
    ['a missing quote', 'KERNEL=="ttyUSB0, MODE="0660"', 'cannot read'],
    ['a decimal mode', 'KERNEL=="ttyUSB0", MODE="660"', 'not an octal mode'],
  ])('rejects %s', (_case, rule, problem) => {
    expect(ruleProblems(rule).join('\n')).toContain(problem);
  });

  it('joins continued lines and skips comments', () => {
    expect(ruleLines('# head\n\nKERNEL=="a", \\\n  MODE="0660"\n')).toEqual([
      { line: 3, rule: 'KERNEL=="a", MODE="0660"' },
    ]);
  });
});

describe('resources/udev', () => {
  it('holds the lock bus, HID scanner and serial scanner rules', () => {
    expect([...ruleFiles].sort()).toEqual([
      '70-casier-lock-bus-serial.rules',
      '70-casier-scanner-hidraw.rules',
      '70-casier-scanner-serial.rules',
    ]);
  });

  describe.each(ruleFiles)('%s', (name) => {
    const text = readFileSync(join(folder, name), 'utf8');

    it('starts with a comment saying what it is for and how to install it', () => {
      expect(text.startsWith('# Casier: ')).toBe(true);
      expect(text).toContain(
        `sudo cp ${name} /etc/udev/rules.d/ && sudo udevadm control --reload && sudo udevadm trigger`,
      );
    });

    it('has only rules udev can read', () => {
      const problems = ruleLines(text).flatMap(({ line, rule }) =>
        ruleProblems(rule).map((problem) => `${name}:${line} ${problem}`),
      );
      expect(problems).toEqual([]);
    });

    it('gives every device it matches to the casier group, and no one else', () => {
      const rules = ruleLines(text);
      expect(rules.length).toBeGreaterThan(0);
      for (const { rule } of rules) {
        expect(rule).toContain('GROUP="casier"');
        expect(rule).toContain('MODE="0660"');
      }
    });
  });
});
