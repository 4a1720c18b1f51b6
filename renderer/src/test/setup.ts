/** Before each renderer test file: the stand-in Api on window.tallyroom, and a clean DOM after each test. */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { createDispatcher, installFakeApi } from './fake-api';

window.tallyroom = createDispatcher();
// jsdom does not scroll; screens scroll to the top when they change.
window.scrollTo = () => undefined;

afterEach(() => {
  cleanup();
  installFakeApi({});
  sessionStorage.clear();
});
