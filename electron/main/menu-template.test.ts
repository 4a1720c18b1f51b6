import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate } from './menu-template';

type Item = ReturnType<typeof applicationMenuTemplate>[number];
const labels = (template: Item[]) => template.map((item) => item.label ?? item.role);
const submenuRoles = (item: Item | undefined) =>
  (Array.isArray(item?.submenu) ? item.submenu : []).map((entry) => entry.role ?? entry.label ?? entry.type);

describe('applicationMenuTemplate', () => {
  it('has File, Edit and Help for a chair, with no developer tools', () => {
    const template = applicationMenuTemplate({ platform: 'linux', isDevelopment: false, onAbout: vi.fn() });
    expect(labels(template)).toEqual(['&File', '&Edit', '&Help']);
    expect(submenuRoles(template[0])).toEqual(['quit']);
    expect(submenuRoles(template[1])).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
    expect(JSON.stringify(template)).not.toMatch(/reload|toggleDevTools/i);
  });

  it('adds View with reload only when running from source', () => {
    const template = applicationMenuTemplate({ platform: 'win32', isDevelopment: true, onAbout: vi.fn() });
    expect(labels(template)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(submenuRoles(template[2])).toEqual(['reload', 'toggleDevTools']);
  });

  it('follows macOS conventions', () => {
    const template = applicationMenuTemplate({ platform: 'darwin', isDevelopment: false, onAbout: vi.fn() });
    expect(labels(template)).toEqual(['appMenu', '&File', '&Edit', '&Help']);
    expect(submenuRoles(template[1])).toEqual(['close']);
  });

  it('Help > About calls back', () => {
    const onAbout = vi.fn();
    const help = applicationMenuTemplate({ platform: 'linux', isDevelopment: false, onAbout }).at(-1);
    const about = Array.isArray(help?.submenu) ? help.submenu[0] : undefined;
    expect(about?.label).toBe('About Tallyroom');
    about?.click?.({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalledOnce();
  });
});
