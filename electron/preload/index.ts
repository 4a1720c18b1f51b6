// Sandboxed preload: it may import only 'electron' and code without Node or domain dependencies
// (the API method list), so the bundle stays tiny and the page gets nothing but window.tallyroom.
import { contextBridge, ipcRenderer } from 'electron';
import { createTallyroomBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'tallyroom',
  createTallyroomBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
