import { describe, expect, it } from 'vitest';
import {
  appUrl,
  createTrustedSenderCheck,
  isSameOrigin,
} from '../../../src-main/electron/app-origin.js';
import { parseLaunchOptions } from '../../../src-main/electron/launch-options.js';

describe('isSameOrigin', () => {
  it.each([
    'app://kiosk/',
    'app://kiosk/index.html',
    'app://kiosk/assets/app.js?v=1#top',
    'app://kiosk',
  ])('accepts %s as the app origin', (url) => {
    expect(isSameOrigin(url, appUrl)).toBe(true);
  });

  it.each([
    'app://kiosk.evil/',
    'app://kiosk:8080/',
    'app://user:pass@kiosk/',
    'app://evil/kiosk/',
    'app:kiosk',
    'file:///kiosk/',
    'http://kiosk/',
    'https://evil.example/app://kiosk/',
    '',
    'not a url',
  ])('rejects %j', (url) => {
    expect(isSameOrigin(url, appUrl)).toBe(false);
  });
});

describe('createTrustedSenderCheck', () => {
  const isTrusted = createTrustedSenderCheck(appUrl);

  it('trusts a frame showing the kiosk page and nothing else', () => {
    expect(isTrusted({ url: 'app://kiosk/index.html' })).toBe(true);
    expect(isTrusted({ url: 'https://evil.example/' })).toBe(false);
    expect(isTrusted({ url: 'about:blank' })).toBe(false);
    expect(isTrusted(null)).toBe(false);
  });
});

describe('parseLaunchOptions', () => {
  it('defaults to the user-data folder, no demo, no camera', () => {
    expect(parseLaunchOptions(['/opt/Casier/casier'], {})).toEqual({
      dataDir: undefined,
      demo: false,
      cameraScanning: false,
      serialPath: undefined,
      scanners: {},
      cloudUrl: undefined,
      enrolmentCode: undefined,
    });
  });

  it('reads the flags among Electron’s own arguments', () => {
    const argv = [
      'electron',
      '.',
      '--no-sandbox-is-not-ours',
      '--demo',
      '--data-dir=/var/lib/casier',
      '--camera-scanning',
    ];
    expect(parseLaunchOptions(argv, {})).toEqual({
      dataDir: '/var/lib/casier',
      demo: true,
      cameraScanning: true,
      serialPath: undefined,
      scanners: {},
      cloudUrl: undefined,
      enrolmentCode: undefined,
    });
  });

  it('reads the service-unit environment, the command line winning', () => {
    expect(
      parseLaunchOptions(['casier'], {
        CASIER_DATA_DIR: '/srv/casier',
        CASIER_DEMO: '1',
        CASIER_LOCK_DEVICE: '/dev/serial/by-id/usb-FTDI-if00',
        CASIER_SCANNER_DEVICE: '/dev/ttyACM0',
        CASIER_SCANNER_HID: 'auto',
        CASIER_CLOUD_URL: 'https://cloud.example.org',
        CASIER_ENROLMENT_CODE: 'ABCD-EFGH-JKLM-NPQR',
      }),
    ).toEqual({
      dataDir: '/srv/casier',
      demo: true,
      cameraScanning: false,
      serialPath: '/dev/serial/by-id/usb-FTDI-if00',
      scanners: { serialPath: '/dev/ttyACM0', hidPath: 'auto' },
      cloudUrl: 'https://cloud.example.org',
      enrolmentCode: 'ABCD-EFGH-JKLM-NPQR',
    });
    expect(parseLaunchOptions(['casier', '--data-dir=/a'], { CASIER_DATA_DIR: '/b' }).dataDir).toBe(
      '/a',
    );
    expect(parseLaunchOptions(['casier', '--data-dir='], { CASIER_DEMO: '0' })).toMatchObject({
      dataDir: undefined,
      demo: false,
    });
  });
});
