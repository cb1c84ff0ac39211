import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { chapterUrl, menuTemplate } from '../../../main/electron/menu';
import { isSafeExternalUrl } from '../../../main/electron/navigation';

/** Every item in the template, submenus included. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const build = (isMac: boolean, isDevToolsAllowed: boolean, opened: string[] = []) =>
  menuTemplate({ isMac, isDevToolsAllowed, openExternal: (url) => opened.push(url) });

describe('menu', () => {
  it('has File, Edit, View, Window and Help', () => {
    const names = build(false, false).map((item) => item.label ?? item.role);
    expect(names).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
  });

  it('adds the app menu first on macOS', () => {
    expect(build(true, false)[0]?.role).toBe('appMenu');
  });

  it('offers DevTools only when allowed (never in a packaged app)', () => {
    const hasDevTools = (template: MenuItemConstructorOptions[]) =>
      items(template).some((item) => item.role === 'toggleDevTools');
    expect(hasDevTools(build(false, false))).toBe(false);
    expect(hasDevTools(build(true, false))).toBe(false);
    expect(hasDevTools(build(false, true))).toBe(true);
  });

  it('quits from File on Windows and Linux, closes the window on macOS', () => {
    expect(items(build(false, false)).some((item) => item.role === 'quit')).toBe(true);
    expect(items(build(true, false)).some((item) => item.role === 'close')).toBe(true);
  });

  it("opens the chapter from Help in the user's browser", () => {
    const opened: string[] = [];
    const help = items(build(false, false, opened)).find((item) =>
      item.label?.includes('Dive into Deep Learning'),
    );
    (help?.click as (() => void) | undefined)?.();
    expect(opened).toEqual([chapterUrl]);
    expect(isSafeExternalUrl(chapterUrl)).toBe(true);
  });
});
