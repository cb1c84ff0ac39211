import { describe, expect, it } from 'vitest';
import { appInfoSchema } from '../../../shared/contract/app';
import type { AppInfo } from '../../../shared/contract/app';
import {
  backendAttemptSchema,
  backendNames,
  engineStatusSchema,
  pingRequestSchema,
  pingResponseSchema,
} from '../../../shared/contract/engine';
import type { EngineStatus } from '../../../shared/contract/engine';

const info: AppInfo = {
  name: 'Attention Lab',
  version: '0.1.0',
  host: 'electron',
  versions: { node: '22.20.0', electron: '45.5.0', chrome: '142.0.7444.52', tfjs: '4.22.0' },
  platform: 'win32',
  arch: 'x64',
  locale: 'id-ID',
};

const status: EngineStatus = {
  state: 'ready',
  backend: 'wasm',
  device: 'CPU (WebAssembly, SIMD)',
  attempts: [
    {
      backend: 'tensorflow',
      source: '@tensorflow/tfjs-node-gpu',
      loaded: false,
      reason: 'no CUDA',
      elapsedMs: 12,
    },
    { backend: 'wasm', source: '@tensorflow/tfjs-backend-wasm', loaded: true, reason: null, elapsedMs: 80 },
  ],
  tfjsVersion: '4.22.0',
  restarts: 0,
  message: null,
};

const accepts = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe('contract schemas: app', () => {
  it('accepts app:info from each host, with null versions where a host has no Electron', () => {
    expect(accepts(appInfoSchema, info)).toBe(true);
    const web = { ...info, host: 'web', versions: { ...info.versions, electron: null, chrome: null } };
    expect(accepts(appInfoSchema, web)).toBe(true);
    expect(accepts(appInfoSchema, { ...info, host: 'cli' })).toBe(true);
  });

  it('refuses an unknown host, a missing field or a wrong type', () => {
    expect(accepts(appInfoSchema, { ...info, host: 'mobile' })).toBe(false);
    const { locale: _locale, ...withoutLocale } = info;
    expect(accepts(appInfoSchema, withoutLocale)).toBe(false);
    expect(accepts(appInfoSchema, { ...info, versions: { ...info.versions, node: 20 } })).toBe(false);
  });
});

describe('contract schemas: engine', () => {
  it('names the backends fastest first', () => expect(backendNames).toEqual(['tensorflow', 'wasm', 'cpu']));

  it('accepts a ready status with every attempt, and a status before any backend loaded', () => {
    expect(accepts(engineStatusSchema, status)).toBe(true);
    const starting = {
      ...status,
      state: 'starting',
      backend: null,
      device: null,
      attempts: [],
      tfjsVersion: null,
    };
    expect(accepts(engineStatusSchema, starting)).toBe(true);
  });

  it('refuses unknown states and backends, and impossible counts', () => {
    expect(accepts(engineStatusSchema, { ...status, state: 'sleeping' })).toBe(false);
    expect(accepts(engineStatusSchema, { ...status, backend: 'webgpu' })).toBe(false);
    expect(accepts(engineStatusSchema, { ...status, restarts: -1 })).toBe(false);
    expect(accepts(engineStatusSchema, { ...status, restarts: 1.5 })).toBe(false);
    expect(accepts(backendAttemptSchema, { ...status.attempts[0], elapsedMs: -3 })).toBe(false);
    expect(accepts(backendAttemptSchema, { ...status.attempts[0], reason: undefined })).toBe(false);
  });

  it('limits the ping nonce to 64 characters and refuses extra fields', () => {
    expect(accepts(pingRequestSchema, { nonce: 'n'.repeat(64) })).toBe(true);
    expect(accepts(pingRequestSchema, { nonce: 'n'.repeat(65) })).toBe(false);
    expect(accepts(pingRequestSchema, { nonce: 'n', extra: 1 })).toBe(false);
    expect(accepts(pingResponseSchema, { nonce: 'n', pid: 12, uptimeMs: 3.5 })).toBe(true);
    expect(accepts(pingResponseSchema, { nonce: 'n', pid: 1.5, uptimeMs: 3 })).toBe(false);
  });
});
