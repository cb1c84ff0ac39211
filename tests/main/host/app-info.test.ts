import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appInfoSchema } from '../../../shared/contract/app';
import { appInfo, defaultCheckpointsFolder } from '../../../main/host/app-info';

describe('app-info', () => {
  it('gives the web host and the CLI a full checkpoints folder in the home folder', () => {
    for (const host of ['web', 'cli'] as const) {
      const info = appInfo(host);
      expect(appInfoSchema.safeParse(info).success).toBe(true);
      expect(info.paths.checkpoints).toBe(join(homedir(), 'Attention Lab', 'checkpoints'));
      expect(isAbsolute(info.paths.checkpoints)).toBe(true);
    }
  });

  it("takes the host's own checkpoints folder as a fact (Electron: under userData)", () => {
    const folder = join('/', 'home', 'me', '.config', 'Attention Lab', 'checkpoints');
    expect(appInfo('electron', { checkpoints: folder }).paths.checkpoints).toBe(folder);
  });

  it('puts the checkpoints folder under ATTENTION_LAB_DATA_DIR when it is set', () => {
    const data = join('/', 'srv', 'lab-data');
    expect(defaultCheckpointsFolder({ ATTENTION_LAB_DATA_DIR: data })).toBe(join(data, 'checkpoints'));
    expect(defaultCheckpointsFolder({})).toBe(join(homedir(), 'Attention Lab', 'checkpoints'));
  });
});
