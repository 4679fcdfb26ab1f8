/**
 * The little the kiosk needs from a HID device: its input reports and its errors. node-hid has
 * no mock, so the scanner source is written against this and tests hand it recorded reports.
 */
export interface HidReportDevice {
  /** Returns a function that removes the listener. */
  onReport(listener: (report: Uint8Array) => void): () => void;
  /** The device failed or was unplugged; no more reports come. */
  onError(listener: (error: Error) => void): () => void;
  close(): Promise<void>;
}
