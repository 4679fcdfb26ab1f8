/** The page's root element, where the accessible mode's class goes (a fake in tests). */
export interface RootClassList {
  toggle(token: string, force: boolean): boolean;
}

const rootClass = 'accessible';

/**
 * Accessible mode: larger text, stronger contrast, every control in the lower part of the
 * screen (styles.css, `html.accessible`). For one visit only: the next person at the kiosk finds
 * the usual screen, so it resets whenever the kiosk returns home.
 */
export class AccessibleModeState {
  on = $state(false);
  readonly #root: RootClassList | undefined;

  constructor(root: RootClassList | undefined) {
    this.#root = root;
  }

  toggle(): void {
    this.#show(!this.on);
  }

  reset(): void {
    this.#show(false);
  }

  #show(on: boolean): void {
    this.on = on;
    this.#root?.toggle(rootClass, on);
  }
}
