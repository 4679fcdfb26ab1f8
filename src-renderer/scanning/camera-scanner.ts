import type { DecodeHintType } from '@zxing/library';
import type { CameraHandle } from './camera-control.js';

/** Time between decode attempts on frames without a code: enough to scan, not to heat the CPU. */
const msBetweenAttempts = 100;
/** Pause after a decoded frame before looking again (the repeat filter drops the same code). */
const msAfterDecode = 300;

/**
 * Opens the kiosk camera into `video` and decodes QR and 1-D codes from it with @zxing/library.
 * The library is loaded on first use: most kiosks never switch the camera on, and it is large.
 * Video only: the microphone is never asked for (the Electron permission policy refuses it).
 * Aborting `signal` while the camera is still opening closes it as soon as it is open.
 */
export async function startCameraScanner(
  video: HTMLVideoElement,
  onText: (text: string) => void,
  signal: AbortSignal,
): Promise<CameraHandle> {
  if (!('mediaDevices' in navigator) || typeof navigator.mediaDevices.getUserMedia !== 'function') {
    throw new DOMException('no camera API in this page', 'NotSupportedError');
  }
  const zxing = await import('@zxing/library');
  const hints = new Map<DecodeHintType, unknown>([
    [
      zxing.DecodeHintType.POSSIBLE_FORMATS,
      [
        zxing.BarcodeFormat.QR_CODE,
        zxing.BarcodeFormat.DATA_MATRIX,
        zxing.BarcodeFormat.PDF_417,
        zxing.BarcodeFormat.AZTEC,
        zxing.BarcodeFormat.CODE_128,
        zxing.BarcodeFormat.CODE_39,
        zxing.BarcodeFormat.CODE_93,
        zxing.BarcodeFormat.CODABAR,
        zxing.BarcodeFormat.ITF,
        zxing.BarcodeFormat.EAN_13,
        zxing.BarcodeFormat.EAN_8,
        zxing.BarcodeFormat.UPC_A,
        zxing.BarcodeFormat.UPC_E,
      ],
    ],
  ]);
  signal.throwIfAborted();
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { width: { ideal: 1280 }, height: { ideal: 720 } },
  });
  const reader = new zxing.BrowserMultiFormatReader(hints, msAfterDecode);
  reader.timeBetweenDecodingAttempts = msBetweenAttempts;
  const stop = (): void => {
    reader.reset();
    // The reader only knows the stream once it is attached to the video; stop it here too.
    for (const track of stream.getTracks()) {
      track.stop();
    }
  };
  signal.addEventListener('abort', stop, { once: true });
  if (signal.aborted) {
    stop();
    signal.throwIfAborted();
  }
  try {
    // Waiting for the video to play can outlast a switch-off: the abort ends the wait too.
    await Promise.race([
      reader.decodeFromStream(stream, video, (result) => {
        // Frames without a code come with a NotFoundException and no result: nothing to report.
        if (result && !signal.aborted) {
          onText(result.getText());
        }
      }),
      rejectWhenAborted(signal),
    ]);
  } catch (error) {
    stop();
    throw error;
  }
  return { stop };
}

function rejectWhenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener(
      'abort',
      () => {
        reject(signal.reason instanceof Error ? signal.reason : new Error('camera switched off'));
      },
      { once: true },
    );
  });
}
