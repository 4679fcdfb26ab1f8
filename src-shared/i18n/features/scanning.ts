import { defineMessages } from '../define-messages.js';

/**
 * Scanning (issue 3): the last-scan panel and the camera scanner. `last_scan.kind.*`,
 * `last_scan.carrier.*` and `last_scan.source.*` follow the enums of domain/scan.ts one to one.
 * Carrier names are brands and stay as they are; the UPU S10 and SSCC lines say what the number
 * is, since neither names a company. French puts a no-break space before the colon (`\u00a0`)
 * so a line never starts with one.
 */
export const scanningMessages = defineMessages({
  en: {
    'last_scan.heading': 'Last scan',
    'last_scan.none': 'Nothing scanned yet.',
    'last_scan.kind.tracking_number': 'Parcel tracking number',
    'last_scan.kind.operator_badge': 'Operator badge',
    'last_scan.kind.carrier_qr': 'Carrier sign-in code',
    'last_scan.kind.pickup_qr': 'Pickup code',
    'last_scan.kind.compartment_barcode': 'Compartment label',
    'last_scan.kind.unknown': 'Not recognised',
    'last_scan.carrier.ups': 'UPS',
    'last_scan.carrier.fedex': 'FedEx',
    'last_scan.carrier.usps': 'USPS',
    'last_scan.carrier.dhl': 'DHL',
    'last_scan.carrier.canada_post': 'Canada Post',
    'last_scan.carrier.upu_s10': 'International post (UPU S10)',
    'last_scan.carrier.sscc': 'Shipping container code (SSCC)',
    'last_scan.carrier.amazon': 'Amazon Logistics',
    'last_scan.tracking_number': 'Number: {value}',
    'last_scan.compartment': 'Compartment {label}',
    'last_scan.compartment_elsewhere': 'A compartment of another locker bank ({id})',
    'last_scan.text': 'Scanned text: {text}',
    'last_scan.source.serial': 'From the serial scanner',
    'last_scan.source.hid': 'From the USB scanner',
    'last_scan.source.keyboard': 'From the keyboard scanner',
    'last_scan.source.camera': 'From the camera',
    'camera.start': 'Scan with the camera',
    'camera.starting': 'Starting the camera…',
    'camera.stop': 'Stop the camera',
    'camera.hint': 'Hold the code in front of the camera.',
    'camera.preview': 'Camera view',
    'camera.error.denied':
      'The camera may not be used on this kiosk. It is allowed when the kiosk is started with camera scanning on.',
    'camera.error.not_found': 'No camera was found on this kiosk.',
    'camera.error.busy':
      'The camera is in use by another program or not responding. Try again in a moment.',
    'camera.error.unsupported': 'This screen cannot use a camera.',
    'camera.error.failed': 'The camera could not be started. Try again or use the scanner.',
  },
  fr: {
    'last_scan.heading': 'Dernier scan',
    'last_scan.none': 'Rien n’a encore été scanné.',
    'last_scan.kind.tracking_number': 'Numéro de suivi de colis',
    'last_scan.kind.operator_badge': 'Badge opérateur',
    'last_scan.kind.carrier_qr': 'Code de connexion transporteur',
    'last_scan.kind.pickup_qr': 'Code de retrait',
    'last_scan.kind.compartment_barcode': 'Étiquette de casier',
    'last_scan.kind.unknown': 'Non reconnu',
    'last_scan.carrier.ups': 'UPS',
    'last_scan.carrier.fedex': 'FedEx',
    'last_scan.carrier.usps': 'USPS',
    'last_scan.carrier.dhl': 'DHL',
    'last_scan.carrier.canada_post': 'Postes Canada',
    'last_scan.carrier.upu_s10': 'Poste internationale (UPU S10)',
    'last_scan.carrier.sscc': 'Code de colis logistique (SSCC)',
    'last_scan.carrier.amazon': 'Amazon Logistics',
    'last_scan.tracking_number': 'Numéro\u00a0: {value}',
    'last_scan.compartment': 'Casier {label}',
    'last_scan.compartment_elsewhere': 'Un casier d’une autre consigne ({id})',
    'last_scan.text': 'Texte scanné\u00a0: {text}',
    'last_scan.source.serial': 'Par le lecteur série',
    'last_scan.source.hid': 'Par le lecteur USB',
    'last_scan.source.keyboard': 'Par le lecteur en mode clavier',
    'last_scan.source.camera': 'Par la caméra',
    'camera.start': 'Scanner avec la caméra',
    'camera.starting': 'Démarrage de la caméra…',
    'camera.stop': 'Arrêter la caméra',
    'camera.hint': 'Présentez le code devant la caméra.',
    'camera.preview': 'Image de la caméra',
    'camera.error.denied':
      'La caméra n’est pas autorisée sur cette borne. Elle l’est quand la borne est lancée avec le scan par caméra activé.',
    'camera.error.not_found': 'Aucune caméra n’a été trouvée sur cette borne.',
    'camera.error.busy':
      'La caméra est utilisée par un autre programme ou ne répond pas. Réessayez dans un instant.',
    'camera.error.unsupported': 'Cet écran ne peut pas utiliser de caméra.',
    'camera.error.failed':
      'La caméra n’a pas pu démarrer. Réessayez ou utilisez le lecteur de codes-barres.',
  },
});
