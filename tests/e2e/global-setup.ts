import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The serve harness builds nothing: fail early, with the fix, when the renderer is not built. */
export default function globalSetup(): void {
  const index = resolve(import.meta.dirname, '../../out/renderer/index.html');
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: build the app first with "npx electron-vite build" (npm run test:e2e does).`);
  }
}
