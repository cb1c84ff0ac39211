/**
 * The packaging config (electron-builder.yml), loaded and validated by electron-builder's own code: its
 * config loader and its validator, which checks against its JSON schema (app-builder-lib/scheme.json).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };

const root = path.resolve(import.meta.dirname, '../../..');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, null, null);
});

const validate = (candidate: Configuration) => validateConfiguration(candidate, new DebugLogger(false));

/** Reads a PNG's width, height and colour type from its IHDR chunk. */
function pngHeader(file: string): { width: number; height: number; colourType: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25] ?? -1 };
}

const targetNames = (target: unknown): string[] =>
  (Array.isArray(target) ? target : [target]).map((entry) =>
    typeof entry === 'string' ? entry : entry.target,
  );

describe('electron-builder config', () => {
  it("passes electron-builder's own validation", async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('is really validated: a misspelt option is refused', async () => {
    await expect(validate({ ...config, nsis: { oneClik: true } as never })).rejects.toThrow(
      /configuration\.nsis/,
    );
    await expect(validate({ ...config, asarUnpak: ['x'] } as never)).rejects.toThrow(
      /Invalid configuration object/,
    );
  });

  it('names the app', () => {
    expect(config.appId).toBe('org.attentionlab.app');
    expect(config.productName).toBe('Attention Lab');
    expect(config.productName).toBe(packageJson.productName);
  });

  it('builds into release/ from resources in assets/', () => {
    expect(config.directories).toEqual({ output: 'release', buildResources: 'assets' });
  });

  it('packs the built main, preload, engine and renderer, and the entry package.json points at', () => {
    // The loader normalises `files` to [{ filter: [...] }].
    const patterns = [config.files ?? []].flat().flatMap((entry) => {
      if (typeof entry === 'string') return [entry];
      return entry ? [entry.filter ?? []].flat() : [];
    });
    expect(patterns).toEqual(expect.arrayContaining(['dist/main/**', 'dist/renderer/**', 'package.json']));
    expect(patterns).toContain('!dist/**/*.map');
    expect(packageJson.main.startsWith('dist/main/')).toBe(true);
    expect(config.asar).toBe(true);
  });

  it('unpacks tfjs-node-gpu from the asar', () => {
    expect(config.asarUnpack).toContain('node_modules/@tensorflow/tfjs-node-gpu/**');
    expect(Object.keys(packageJson.optionalDependencies)).toContain('@tensorflow/tfjs-node-gpu');
  });

  it('unpacks the WebAssembly kernels the wasm backend loads by path', () => {
    const pattern = 'node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm';
    expect(config.asarUnpack).toContain(pattern);
    const wasmDir = path.join(root, path.dirname(pattern));
    expect(readdirSync(wasmDir).filter((file) => file.endsWith('.wasm')).length).toBeGreaterThan(0);
  });

  it('builds an NSIS installer for Windows that needs no administrator', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(config.nsis?.perMachine).toBe(false);
  });

  it('builds a DMG and a ZIP for macOS, in the Education category', () => {
    expect(targetNames(config.mac?.target)).toEqual(['dmg', 'zip']);
    expect(config.mac?.category).toBe('public.app-category.education');
  });

  it('builds an AppImage and a deb for Linux, in Education, with a maintainer and a homepage', () => {
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Education');
    expect(config.linux?.maintainer).toBeTruthy();
    expect(String(config.extraMetadata?.['homepage'])).toMatch(/^https:\/\//);
  });

  it('flips the hardening fuses and publishes nothing', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.publish).toBeNull();
  });

  it('has a 1024×1024 PNG icon with alpha, from which the .ico and .icns are derived', () => {
    const assets = path.join(root, 'assets');
    expect(pngHeader(path.join(assets, 'icon.png'))).toEqual({ width: 1024, height: 1024, colourType: 6 });
    expect(readFileSync(path.join(assets, 'icon.svg'), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 1024 1024"/);
    // electron-builder uses icon.icns / icon.ico when present; without them it converts icon.png.
    expect(existsSync(path.join(assets, 'icon.icns'))).toBe(false);
    expect(existsSync(path.join(assets, 'icon.ico'))).toBe(false);
  });
});
