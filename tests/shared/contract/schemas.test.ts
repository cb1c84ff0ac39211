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
import { modelOpenSchema } from '../../../shared/contract/model';
import { maxBatchTokens, trainStartSchema } from '../../../shared/contract/train';

const info: AppInfo = {
  name: 'Attention Lab',
  version: '0.1.0',
  host: 'electron',
  versions: { node: '22.20.0', electron: '45.5.0', chrome: '142.0.7444.52', tfjs: '4.22.0' },
  platform: 'win32',
  arch: 'x64',
  locale: 'id-ID',
  paths: { checkpoints: 'C:\\Users\\me\\AppData\\Roaming\\Attention Lab\\checkpoints' },
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
    const { paths: _paths, ...withoutPaths } = info;
    expect(accepts(appInfoSchema, withoutPaths)).toBe(false);
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

describe('contract schemas: train and model paths', () => {
  const start = (overrides: Record<string, unknown>) =>
    trainStartSchema.safeParse({ family: 'gpt', steps: 10, outDir: '/home/me/lab/gpt', ...overrides });

  it('accepts full POSIX, Windows (either slash) and UNC paths', () => {
    for (const path of ['/home/me/lab', 'C:\\Users\\me\\lab', 'd:/lab', '\\\\server\\share\\lab']) {
      expect(start({ outDir: path }).success).toBe(true);
      expect(start({ corpus: { kind: 'file', path } }).success).toBe(true);
      expect(accepts(modelOpenSchema, { source: { kind: 'checkpoint', path } })).toBe(true);
    }
  });

  it('refuses relative paths with a message that asks for a full folder path', () => {
    for (const path of ['checkpoints/gpt', './lab', '../lab', 'C:lab', '~/lab', '\\lab']) {
      const result = start({ outDir: path });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/Use a full folder path/);
      expect(start({ corpus: { kind: 'file', path } }).success).toBe(false);
      expect(accepts(modelOpenSchema, { source: { kind: 'checkpoint', path } })).toBe(false);
    }
  });

  it('caps batch size × maximum length, with the preset length when no size is given', () => {
    expect(start({ batchSize: 512 }).success).toBe(true); // 512 × 128 = 65 536
    expect(start({ batchSize: 513 }).success).toBe(false);
    expect(start({ batchSize: 1024, sizes: { maxLength: 64 } }).success).toBe(true);
    const tooMany = start({ batchSize: 64, sizes: { maxLength: 8192 } });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues[0]?.path).toEqual(['batchSize']);
    expect(maxBatchTokens).toBe(65_536);
  });
});
