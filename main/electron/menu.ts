/**
 * The application menu: File, Edit, View, Window, Help (and the app menu on macOS). Standard roles, so the OS
 * labels and shortcuts them in the user's language; DevTools appear only in development.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** The chapter the lab follows (Dive into Deep Learning, "Large-Scale Pretraining with Transformers"). */
export const chapterUrl =
  'https://d2l.ai/chapter_attention-mechanisms-and-transformers/large-pretraining-transformers.html';

/** Builds the menu template. */
export function menuTemplate(options: {
  isMac: boolean;
  isDevToolsAllowed: boolean;
  openExternal: (url: string) => void;
}): MenuItemConstructorOptions[] {
  const { isMac, isDevToolsAllowed } = options;
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    separator,
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    separator,
    { role: 'togglefullscreen' },
    ...(isDevToolsAllowed ? [separator, { role: 'toggleDevTools' } as const] : []),
  ];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'Large-Scale Pretraining with Transformers (Dive into Deep Learning)',
          click: () => options.openExternal(chapterUrl),
        },
      ],
    },
  ];
}
