/** An attachment of a caught message; `content` lets the page show `cid:` images inline. */
export interface CaughtAttachment {
  contentId: string | null;
  fileName: string | null;
  contentType: string;
  size: number;
}

/** One message the catcher received, parsed. */
export interface CaughtMail {
  id: string;
  receivedAt: number;
  envelope: { from: string | null; to: string[] };
  /** The From and To headers as written (display names included). */
  from: string;
  to: string;
  subject: string;
  messageId: string | null;
  text: string;
  html: string | null;
  attachments: CaughtAttachment[];
}

export interface StoredMail {
  mail: CaughtMail;
  raw: Buffer;
  /** Attachment bodies, in the order of `mail.attachments`. */
  contents: Buffer[];
}

export type MailListener = (mail: CaughtMail) => void;

/** Keeps memory bounded in a long demo run; the folder (when set) keeps everything. */
const defaultCapacity = 500;

/**
 * The caught messages in memory, newest first. A listener that throws does not stop the others
 * or the catcher: the store is a development aid, never in the sending path.
 */
export class MailCatcherStore {
  readonly #mails: StoredMail[] = [];
  readonly #listeners = new Set<MailListener>();

  constructor(private readonly capacity = defaultCapacity) {}

  add(stored: StoredMail): void {
    this.#mails.unshift(stored);
    this.#mails.length = Math.min(this.#mails.length, this.capacity);
    for (const listener of this.#listeners) {
      try {
        listener(stored.mail);
      } catch {
        // A broken listener is the listener's problem; the message is stored either way.
      }
    }
  }

  list(): CaughtMail[] {
    return this.#mails.map((stored) => stored.mail);
  }

  get(id: string): CaughtMail | undefined {
    return this.#find(id)?.mail;
  }

  raw(id: string): Buffer | undefined {
    return this.#find(id)?.raw;
  }

  /** The body of attachment `contentId` of message `id`, for showing inline images. */
  inlineContent(id: string, contentId: string): { contentType: string; content: Buffer } | null {
    const stored = this.#find(id);
    const index = stored?.mail.attachments.findIndex((part) => part.contentId === contentId);
    if (stored === undefined || index === undefined || index < 0) {
      return null;
    }
    return {
      contentType: stored.mail.attachments[index]!.contentType,
      content: stored.contents[index]!,
    };
  }

  /** Calls `listener` with each message from now on; returns the way to stop. */
  onMessage(listener: MailListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #find(id: string): StoredMail | undefined {
    return this.#mails.find((stored) => stored.mail.id === id);
  }
}
