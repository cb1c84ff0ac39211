import { describe, expect, it } from 'vitest';
import { appEntryUrl, appOrigin, isAppUrl, parseUrl } from '../../../main/electron/app-url';

describe('app-url', () => {
  it('names the entry page on the app origin', () => {
    expect(appOrigin).toBe('app://lab');
    expect(appEntryUrl).toBe('app://lab/index.html');
  });

  it('accepts the app origin with any path, query or hash', () => {
    for (const url of ['app://lab/', 'app://lab/index.html', 'app://lab/assets/a.js?v=1#x', 'app://lab']) {
      expect(isAppUrl(url), url).toBe(true);
    }
  });

  it('refuses other schemes, hosts, ports and credentials', () => {
    const foreign = [
      'https://lab/index.html',
      'http://localhost:5173/',
      'file:///index.html',
      'app://evil/index.html',
      'app://lab.evil.com/',
      'app://lab:8080/',
      'app://user@lab/',
      'app://user:pw@lab/',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
      '',
      'not a url',
    ];
    for (const url of foreign) expect(isAppUrl(url), url).toBe(false);
  });

  it('refuses values that are not strings', () => {
    for (const value of [null, undefined, 42, {}, ['app://lab/']]) expect(isAppUrl(value)).toBe(false);
    expect(parseUrl(7)).toBeNull();
  });
});
