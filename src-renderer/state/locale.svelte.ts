import { defaultLocale, isLocale, locales, type Locale } from '../../src-shared/i18n/locales.js';
import type { MessageKey } from '../../src-shared/i18n/en.js';
import { translate, type MessageParams } from '../../src-shared/i18n/translate.js';

/** Where the chosen language is remembered (the browser's localStorage, or a fake in tests). */
export interface LocaleStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const storageKey = 'casier.locale';

/**
 * The language of the screen, switchable at any time. `t()` reads `current`, so every text drawn
 * with it is redrawn when the language changes. The page's `lang` follows, for screen readers and
 * hyphenation.
 */
export class LocaleState {
  current: Locale = $state(defaultLocale);
  readonly #storage: LocaleStorage | undefined;
  readonly #root: { lang: string } | undefined;

  constructor(storage: LocaleStorage | undefined, root: { lang: string } | undefined) {
    this.#storage = storage;
    this.#root = root;
    this.#show(this.#remembered() ?? defaultLocale);
  }

  /** The language the switch button offers. */
  get next(): Locale {
    const index = locales.indexOf(this.current);
    return locales[(index + 1) % locales.length] ?? defaultLocale;
  }

  toggle(): void {
    this.#show(this.next);
    try {
      this.#storage?.setItem(storageKey, this.current);
    } catch {
      // Storage full or refused: the switch still works for this visit.
    }
  }

  t(key: MessageKey, params?: MessageParams): string {
    return translate(this.current, key, params);
  }

  #show(locale: Locale): void {
    this.current = locale;
    if (this.#root) {
      this.#root.lang = locale;
    }
  }

  #remembered(): Locale | undefined {
    try {
      const stored = this.#storage?.getItem(storageKey);
      return isLocale(stored) ? stored : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The page's localStorage, or undefined where the browser refuses it. */
export function browserLocaleStorage(): LocaleStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
