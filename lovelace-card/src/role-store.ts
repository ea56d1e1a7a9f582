// Keeps the remembered roles across page loads (see `rememberRoles`), so a room that is offline
// when the dashboard opens is still shown, as offline. Entity ids and roles only: nothing said.
import type { RoleMemory } from './discovery.js';

export interface RoleStore {
  load(): RoleMemory;
  save(memory: RoleMemory): void;
}

const KEY = 'jarvis-card:roles';

type Row = [entityId: string, role: string, satellite: string | null];

const isRow = (row: unknown): row is Row =>
  Array.isArray(row) &&
  row.length === 3 &&
  typeof row[0] === 'string' &&
  typeof row[1] === 'string' &&
  (row[2] === null || typeof row[2] === 'string');

/** A store in `storage` (the browser's localStorage); unreadable or full storage is ignored. */
export function storageRoleStore(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
): RoleStore {
  return {
    load() {
      try {
        const rows: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
        const valid = Array.isArray(rows) ? rows.filter(isRow) : [];
        return new Map(valid.map(([id, role, satellite]) => [id, [role, satellite] as const]));
      } catch {
        return new Map();
      }
    },
    save(memory) {
      const rows: Row[] = [...memory].map(([id, [role, satellite]]) => [id, role, satellite]);
      try {
        storage?.setItem(KEY, JSON.stringify(rows));
      } catch {
        // Storage full or refused (private mode): remembered for this page only.
      }
    },
  };
}

/** The browser's localStorage, when the page may use it. */
export function browserRoleStore(): RoleStore {
  let storage: Storage | undefined;
  try {
    storage = globalThis.localStorage;
  } catch {
    storage = undefined;
  }
  return storageRoleStore(storage);
}
