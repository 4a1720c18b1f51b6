/**
 * What electron-stand-in.ts and the test that forks it (electron-shell.test.ts) say to each other.
 * A module of its own: importing the stand-in itself would install it in the importing process.
 */

/** The built stand-in's path: the test sets it, so the resolve hook can point 'electron' there. */
export const STAND_IN_PATH_VARIABLE = 'TALLYROOM_ELECTRON_STAND_IN';
/** The folder the stand-in's `app.getPath('appData')` answers (the app keeps its data in appData/Tallyroom). */
export const APP_DATA_VARIABLE = 'TALLYROOM_ELECTRON_STAND_IN_APP_DATA';

/** What the test asks; each is answered by a `reply` with the same id. */
export type StandInRequest =
  | { readonly id: number; readonly kind: 'channels' }
  | {
      readonly id: number;
      readonly kind: 'invoke';
      readonly channel: string;
      readonly senderUrl: string;
      readonly input: unknown;
    }
  | { readonly id: number; readonly kind: 'quit' };

/** What the stand-in tells the test. */
export type StandInReport =
  | { readonly kind: 'window-loaded'; readonly how: 'file' | 'url'; readonly target: string; readonly preload: unknown }
  | { readonly kind: 'dialog'; readonly title: string; readonly message: string }
  | { readonly kind: 'reply'; readonly id: number; readonly value: unknown };
