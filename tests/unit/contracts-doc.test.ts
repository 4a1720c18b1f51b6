/**
 * docs/CONTRACTS.md holds the contracts as the product owner wrote them: this keeps each section
 * marked "(contract)" word for word the same as in the design document they were agreed in.
 * That document is not part of the repository; it sits beside the clone where the project is
 * built (CI included). Elsewhere the comparison is skipped, saying so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const CONTRACTS_DOC = join(REPO_ROOT, 'docs/CONTRACTS.md');
const AGREED_DESIGN = join(REPO_ROOT, '../shared/DESIGN.md');

/** The only words that differ on purpose: pointers that must stay inside the repository. */
const REPOSITORY_POINTERS: readonly (readonly [agreed: string, here: string])[] = [
  ['`../shared/standards/nist-1500-100/`', '`tests/fixtures/standards/nist-1500-100/`'],
  ['risk-limiting batch comparison audit (see its issue)', 'risk-limiting batch comparison audit (docs/RLA.md)'],
];

/** Each section whose heading says "(contract)": heading -> text up to the next heading, trailing blanks dropped. */
function contractSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  let heading: string | undefined;
  let lines: string[] = [];
  const close = () => {
    if (heading?.includes('(contract)')) sections.set(heading, lines.join('\n').trimEnd());
  };
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    if (!inCode && /^#{1,6} /.test(line)) {
      close();
      heading = line;
      lines = [];
    } else {
      lines.push(line);
    }
  }
  close();
  return sections;
}

function withRepositoryPointers(text: string): string {
  return REPOSITORY_POINTERS.reduce((result, [agreed, here]) => result.replaceAll(agreed, here), text);
}

describe('docs/CONTRACTS.md', () => {
  const here = contractSections(readFileSync(CONTRACTS_DOC, 'utf8'));

  it('holds the five contracts: rules profile, findings codes, results CSV, command line, bundle', () => {
    expect([...here.keys()]).toEqual([
      '## Caucus rules — profile `iowa-dem-2020` (contract)',
      '### Findings (contract) — stable codes the checker reports per precinct',
      '## Precinct results CSV (contract)',
      '## Command line (contract) — `npx tallyroom <command>`',
      '## Signed result bundle (contract)',
    ]);
  });

  it('names no document outside the repository', () => {
    const text = readFileSync(CONTRACTS_DOC, 'utf8');
    expect(text).not.toMatch(/\.\.\/shared|DESIGN\.md/);
  });

  describe.skipIf(!existsSync(AGREED_DESIGN))(
    'is word for word the agreed design document (skipped: ../shared/DESIGN.md is not beside this clone)',
    () => {
      it('has every "(contract)" section of the design document, with the same text', () => {
        const agreed = contractSections(readFileSync(AGREED_DESIGN, 'utf8'));
        expect([...here.keys()]).toEqual([...agreed.keys()]);
        for (const [heading, text] of agreed) expect(here.get(heading), heading).toBe(withRepositoryPointers(text));
      });

      it('changes only pointers, and each of them is still in the design document', () => {
        const agreed = readFileSync(AGREED_DESIGN, 'utf8');
        for (const [pointer] of REPOSITORY_POINTERS) expect(agreed).toContain(pointer);
      });
    },
  );
});
