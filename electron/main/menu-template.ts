import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu: only what a county chair needs, keyboard shortcuts for editing,
 * and developer tools only when running from the source tree.
 */
export function applicationMenuTemplate(options: {
  platform: NodeJS.Platform;
  isDevelopment: boolean;
  onAbout: () => void;
}): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  // macOS puts Quit and About in the menu named after the app.
  if (isMac) template.push({ role: 'appMenu' });
  template.push({ label: '&File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] });
  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  if (options.isDevelopment) {
    template.push({ label: '&View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  }
  template.push({ label: '&Help', submenu: [{ label: 'About Tallyroom', click: () => options.onAbout() }] });
  return template;
}
