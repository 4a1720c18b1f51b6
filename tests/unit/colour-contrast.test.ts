/**
 * The renderer's colours against WCAG 2.1 AA (docs/ACCESSIBILITY.md), read from its stylesheets: text
 * at least 4.5:1 on what it is drawn on, status colours and chart bars (graphics) at least 3:1. axe
 * checks text on the screens it visits; it does not look at SVG graphics, nor at colours a screen
 * only shows in some states, so the palette's pairs are checked here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio, MIN_GRAPHIC_CONTRAST, MIN_TEXT_CONTRAST, parseHex, type Rgb } from '../helpers/contrast';

const RENDERER = resolve(import.meta.dirname, '../../renderer/src');

function cssFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? cssFiles(join(folder, entry.name))
      : entry.name.endsWith('.css')
        ? [join(folder, entry.name)]
        : [],
  );
}

/** Every rule of every stylesheet, as selector -> its declarations (later rules win, as in the page). */
function readRules(): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  for (const file of cssFiles(RENDERER)) {
    const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const match of css.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
      const body = match[2] ?? '';
      for (const selector of (match[1] ?? '').split(',').map((part) => part.trim().replace(/\s+/g, ' '))) {
        const declarations = rules.get(selector) ?? new Map<string, string>();
        for (const declaration of body.split(';')) {
          const colon = declaration.indexOf(':');
          if (colon > 0) declarations.set(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
        }
        rules.set(selector, declarations);
      }
    }
  }
  return rules;
}

const rules = readRules();
const palette = rules.get(':root') ?? new Map<string, string>();

/** A colour as the page resolves it: '#hex' or var(--name) from :root. */
function colour(value: string): Rgb {
  const variable = /^var\((--[\w-]+)\)$/.exec(value.trim());
  if (variable?.[1]) {
    const resolved = palette.get(variable[1]);
    if (!resolved) throw new Error(`${variable[1]} is not defined in :root`);
    return colour(resolved);
  }
  return parseHex(value.trim());
}

const token = (name: string) => colour(`var(--${name})`);

/** The value of `property` in the rule for `selector`. */
function declared(selector: string, property: string): Rgb {
  const value = rules.get(selector)?.get(property);
  if (!value) throw new Error(`no ${property} in the rule for ${selector}`);
  return colour(value);
}

/** A background as seen: an rgba() laid over `base`, or an opaque colour. */
function over(selector: string, property: string, base: Rgb): Rgb {
  const value = rules.get(selector)?.get(property) ?? '';
  const rgba = /^rgba\(([^)]+)\)$/.exec(value);
  if (!rgba?.[1]) return declared(selector, property);
  const [red = 0, green = 0, blue = 0, alpha = 1] = rgba[1].split(',').map(Number);
  return [red / 255, green / 255, blue / 255].map(
    (channel, index) => channel * alpha + (base[index] ?? 0) * (1 - alpha),
  ) as unknown as Rgb;
}

function ratio(a: Rgb, b: Rgb): number {
  return Math.round(contrastRatio(a, b) * 100) / 100;
}

const STATUSES = ['missing', 'received', 'conflict', 'verified', 'certified'] as const;
const NOTICES = ['error', 'warning', 'success'] as const;
const PAGE_BACKGROUNDS = ['surface', 'surface-2', 'bg'] as const;

describe('text colours are at least 4.5:1 on what they are drawn on', () => {
  const pairs: [string, string][] = [];
  for (const text of ['text', 'text-2', 'muted', 'accent', 'accent-strong']) {
    for (const background of [...PAGE_BACKGROUNDS, 'accent-soft']) pairs.push([text, background]);
  }
  // Muted notes and meta lines also sit on the tinted status and notice backgrounds.
  for (const tint of [...STATUSES, ...NOTICES]) pairs.push(['muted', `${tint}-soft`], ['text-2', `${tint}-soft`]);
  // Status badges and cards: the status's colour as text on its tint and on white.
  for (const status of STATUSES) pairs.push([status, `${status}-soft`], [status, 'surface']);
  for (const notice of NOTICES) pairs.push([notice, `${notice}-soft`], [notice, 'surface']);
  pairs.push(
    ['side-text', 'side-bg'],
    ['side-text', 'side-active'],
    ['surface', 'accent'],
    ['surface', 'accent-strong'],
  );

  it.each(pairs)('--%s on --%s', (text, background) => {
    expect(ratio(token(text), token(background))).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });

  it('the keyboard shortcuts in the sidebar, on the sidebar and on the screen shown', () => {
    const shortcut = declared('.nav-item .kbd', 'color');
    for (const sidebar of ['side-bg', 'side-active']) {
      const key = over('.nav-item .kbd', 'background', token(sidebar));
      expect(ratio(shortcut, key), `on --${sidebar}`).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
  });
});

describe('graphics are at least 3:1 against what is next to them', () => {
  it.each(STATUSES.flatMap((status) => PAGE_BACKGROUNDS.map((background) => [status, background] as const)))(
    'status colour --%s (dots, progress segments) on --%s',
    (status, background) => {
      expect(ratio(token(status), token(background))).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
    },
  );

  it('the focus ring on every page background', () => {
    for (const background of PAGE_BACKGROUNDS) {
      expect(ratio(token('focus'), token(background))).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
    }
  });

  it('the bar charts’ bars on their track and on the card', () => {
    const track = declared('.bar-track', 'fill');
    for (const bar of ['.bar-fill', '.bar-fill.leader', '.bar-before', '.bar-after']) {
      const fill = declared(bar, 'fill');
      expect(ratio(fill, track), `${bar} on the track`).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
      expect(ratio(fill, token('surface')), `${bar} on the card`).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
    }
  });

  it('the audit risk chart: below and above the limit, on its track', () => {
    // components/audit/RiskCharts.tsx draws with these tokens: --success under the limit, --warning over it.
    for (const bar of ['success', 'warning']) {
      expect(ratio(token(bar), token('missing-soft'))).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
      expect(ratio(token(bar), token('surface'))).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
    }
  });
});
