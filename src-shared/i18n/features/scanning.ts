import { defineMessages } from '../define-messages.js';

/**
 * Scanning (issue 3): the camera scanner. French puts a no-break space before the colon
 * (`\u00a0`) so a line never starts with one.
 */
export const scanningMessages = defineMessages({
  en: {
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
