// The Debian packages the tests need besides node_modules, in one place. `.ci/run` installs the
// missing ones on a fresh machine (`node scripts/system-packages.mjs --missing` prints their names);
// `npm test` (scripts/test-all.mjs) checks them first and, where some are missing, says in one
// sentence which and how to install them, instead of failing test by test.
// Plain JavaScript with no dependencies: CI runs it before `npm ci`.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Each package, what shows it is installed (a command on PATH, or a file the tests read at a fixed
 * path), and why the tests need it.
 */
export const SYSTEM_PACKAGES = [
  { name: 'chromium', file: '/usr/bin/chromium', why: 'the end-to-end tests (Playwright never downloads a browser)' },
  { name: 'dovecot-imapd', file: '/usr/sbin/dovecot', why: 'the mail tests run a real IMAP server on loopback' },
  { name: 'minisign', command: 'minisign', why: "bundle signatures verified with the state party's tool" },
  {
    name: 'poppler-utils',
    command: 'pdftotext',
    why: 'the print tests extract the PDFs’ text as a screen reader would',
  },
  { name: 'tesseract-ocr', command: 'tesseract', why: 'the speed baseline of the OCR benchmark and its tests' },
  // Fonts: text in screenshots and worksheets, and the handwriting the scan corpus is filled in with.
  { name: 'fonts-dejavu-core', file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', why: 'printed text' },
  { name: 'fonts-dkg-handwriting', file: '/usr/share/fonts/truetype/fifthhorseman/dkg.ttf', why: 'handwriting' },
  { name: 'fonts-breip', file: '/usr/share/fonts/truetype/breip/Breip.ttf', why: 'handwriting' },
  { name: 'fonts-femkeklaver', file: '/usr/share/fonts/truetype/femkeklaver/femkeklaver.ttf', why: 'handwriting' },
  { name: 'fonts-rufscript', file: '/usr/share/fonts/truetype/rufscript/Rufscript010.ttf', why: 'handwriting' },
];

/** Whether an executable of that name is in one of PATH's folders. */
export function isCommandOnPath(command, path = process.env.PATH ?? '') {
  return path
    .split(delimiter)
    .filter((folder) => folder !== '')
    .some((folder) => {
      try {
        accessSync(join(folder, command), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** The names of the packages that are not installed, in the list's order. */
export function missingSystemPackages({ path = process.env.PATH ?? '', fileExists = existsSync } = {}) {
  return SYSTEM_PACKAGES.filter((item) =>
    item.command ? !isCommandOnPath(item.command, path) : !fileExists(item.file),
  ).map((item) => item.name);
}

/** One sentence for the person running the tests: what is missing and the command that installs it. */
export function describeMissingPackages(names) {
  return (
    `The tests need Debian packages that are not installed here (${names.join(', ')}): install them with ` +
    `\`sudo apt-get install --no-install-recommends ${names.join(' ')}\` and run npm test again.`
  );
}

// `node scripts/system-packages.mjs --missing`: the missing packages' names on one line, for .ci/run.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === '--missing') {
  console.log(missingSystemPackages().join(' '));
}
