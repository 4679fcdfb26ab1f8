import { describe, expect, it } from 'vitest';
import { defaultBankSettings } from '../../src-shared/domain/bank-settings.js';
import { translate } from '../../src-shared/i18n/translate.js';
import { withSetting } from '../../src-renderer/settings/settings-draft.js';
import { settingIssues } from '../../src-renderer/settings/settings-issues.js';

describe('settings issues', () => {
  it('has nothing to say about a valid document', () => {
    expect(settingIssues(defaultBankSettings).size).toBe(0);
  });

  it('asks to keep one way of picking up, in both languages', () => {
    let draft = withSetting(defaultBankSettings, 'pickup.methods.code', false);
    draft = withSetting(draft, 'pickup.methods.qr', false);
    expect(settingIssues(draft).size).toBe(0);
    draft = withSetting(draft, 'pickup.methods.badge', false);
    const issue = settingIssues(draft).get('pickup.methods');
    expect(issue).toBeDefined();
    expect(translate('en', issue!.key, issue!.params)).toBe(
      'Keep at least one way of picking up turned on.',
    );
    expect(translate('fr', issue!.key, issue!.params)).toBe(
      'Gardez au moins un moyen de retrait activé.',
    );
  });

  it('names the bound a number crossed, on that field only', () => {
    let draft = withSetting(defaultBankSettings, 'timers.returnHomeSeconds', 2);
    draft = withSetting(draft, 'pickup.pickupWindowHours', 5000);
    const issues = settingIssues(draft);
    expect([...issues.keys()].sort()).toEqual([
      'pickup.pickupWindowHours',
      'timers.returnHomeSeconds',
    ]);
    const tooSmall = issues.get('timers.returnHomeSeconds')!;
    const tooBig = issues.get('pickup.pickupWindowHours')!;
    expect(translate('en', tooSmall.key, tooSmall.params)).toBe('The lowest value allowed is 3.');
    expect(translate('fr', tooBig.key, tooBig.params)).toBe(
      'La plus grande valeur permise est 1440.',
    );
  });

  it('asks for a whole number when the field is empty, not a number or has decimals', () => {
    for (const value of [Number.NaN, 1.5]) {
      const issue = settingIssues(
        withSetting(defaultBankSettings, 'timers.inactivitySeconds', value),
      ).get('timers.inactivitySeconds');
      expect(issue?.key).toBe('settings_screen.issue.whole_number');
    }
  });

  it('words an unknown choice as not allowed rather than showing the schema’s English', () => {
    const issue = settingIssues(
      withSetting(defaultBankSettings, 'pickup.openMode', 'sideways'),
    ).get('pickup.openMode');
    expect(issue?.key).toBe('settings_screen.issue.not_allowed');
  });
  it('asks for an extension at least as long as a stay, on the extension’s limit', () => {
    let draft = withSetting(defaultBankSettings, 'storage.duration.hours', 96);
    const issues = settingIssues(draft);
    expect([...issues.keys()]).toEqual(['storage.extension.maxTotalHours']);
    const issue = issues.get('storage.extension.maxTotalHours')!;
    expect(translate('en', issue.key, issue.params)).toBe(
      'With extensions, storage must last at least as long as without: 96 hours or more.',
    );
    expect(translate('fr', issue.key, issue.params)).toBe(
      'Avec les prolongations, un stockage doit durer au moins autant que sans\u00a0: 96 heures ou plus.',
    );
    // The same rule for a chosen time, against its maximum.
    draft = withSetting(defaultBankSettings, 'storage.duration.kind', 'flexible');
    draft = withSetting(draft, 'storage.duration.maxHours', 73);
    expect(settingIssues(draft).get('storage.extension.maxTotalHours')?.params).toEqual({
      hours: 73,
    });
    // A limit for an extension that is switched off stops nothing.
    draft = withSetting(draft, 'storage.extension.allowed', false);
    expect(settingIssues(draft).size).toBe(0);
  });

  it('asks to turn extending off for storage with no end, on the extension toggle', () => {
    let draft = withSetting(defaultBankSettings, 'storage.duration.kind', 'open_ended');
    expect(settingIssues(draft).size).toBe(0);
    draft = withSetting(draft, 'storage.extension.allowed', true);
    const issues = settingIssues(draft);
    expect([...issues.keys()]).toEqual(['storage.extension.allowed']);
    const issue = issues.get('storage.extension.allowed')!;
    expect(translate('en', issue.key, issue.params)).toBe(
      'Storage with no end time cannot be extended: turn extending off, or choose a fixed or chosen time.',
    );
    expect(translate('fr', issue.key, issue.params)).toMatch(/^Un stockage sans limite de durée/);
  });

  it('names the bound a count of kept compartments crossed', () => {
    const issue = settingIssues(
      withSetting(defaultBankSettings, 'storage.keptForDeliveries.M', -1),
    ).get('storage.keptForDeliveries.M');
    expect(issue).toEqual({ key: 'settings_screen.issue.too_small', params: { min: 0 } });
  });
});
