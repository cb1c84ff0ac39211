/** The engine's handlers of the `library:` channels: the checkpoint folders of a library folder. */
import type { EngineHandlers } from '../server';
import { listLibrary } from './inspect';
import { copyCheckpointInto, deleteCheckpoint, renameCheckpoint } from './operations';

/** The `library:` channels of the engine. */
export type LibraryChannel =
  'library:list' | 'library:rename' | 'library:delete' | 'library:import' | 'library:export';

/** Handlers for the `library:` channels. */
export function createLibraryHandlers(): Pick<EngineHandlers, LibraryChannel> {
  return {
    'library:list': async ({ folder }) => ({ entries: await listLibrary(folder) }),
    'library:rename': async ({ path, newName }) => ({ path: await renameCheckpoint(path, newName.trim()) }),
    'library:delete': async ({ path }) => ({ deleted: await deleteCheckpoint(path) }),
    'library:import': async ({ from, folder }) => ({ path: await copyCheckpointInto(from, folder) }),
    'library:export': async ({ path, to }) => ({ path: await copyCheckpointInto(path, to) }),
  };
}
