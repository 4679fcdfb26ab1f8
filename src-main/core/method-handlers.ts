import type { MethodHandlers } from '../api/dispatcher.js';
import { scanForPages } from '../scanning/scan-event.js';
import type { KioskServices } from './services.js';

/**
 * Which service answers each kiosk API method. The actor is fixed until operators sign in
 * (issue 4): the temporary operator screen says so to whoever stands at the kiosk.
 */
const temporaryOperator = 'operator:temporary-screen';

export function createMethodHandlers(services: KioskServices): MethodHandlers {
  return {
    'bank.overview': () => services.compartments.overview(),
    'compartment.open': ({ compartmentId }) =>
      services.compartments.open(compartmentId, temporaryOperator),
    'compartment.setService': ({ compartmentId, service }) =>
      services.serviceStates.setService(compartmentId, service, temporaryOperator),
    'hardware.profile.get': () => services.hardwareProfile.get(),
    'hardware.profile.save': (document) =>
      services.hardwareProfile.save(document, temporaryOperator),
    'commissioning.pulse': ({ compartmentId }) =>
      services.commissioning.pulse(compartmentId, temporaryOperator),
    'commissioning.results': () => services.commissioning.results(),
    // Printed in the language of whoever asked: the size words and the title are on the sheet.
    'commissioning.labels': (_args, { locale }) => services.commissioning.labels(locale),
    'scan.submit': ({ text, source }) => scanForPages(services.scans.submit(text, source)),
  };
}
