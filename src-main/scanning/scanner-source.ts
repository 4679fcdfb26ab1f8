/**
 * A scanner the kiosk core reads itself (serial or HID POS), as opposed to the keyboard wedge
 * and the camera, whose scans the page catches and sends with `scan.submit`.
 */
export interface ScannerSource {
  readonly source: 'serial' | 'hid';
  /**
   * Hears each scan as text, the AIM identifier first when the scanner sent one. Returns a
   * function that stops listening.
   */
  onText(listener: (text: string) => void): () => void;
  close(): Promise<void>;
}
