// Home Assistant's `subscribe_entities` stream: the first event carries every state (`a`), the
// following ones additions (`a`), removals (`r`) and compressed diffs (`c`, with `+` and `-`).
// Only what Jarvis uses is kept: the state and the attributes.

export interface HaState {
  readonly entity_id: string;
  readonly state: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** A compressed state: `s` state, `a` attributes, `c` context, `lc`/`lu` timestamps. */
interface CompressedState {
  readonly s: string;
  readonly a?: Readonly<Record<string, unknown>>;
}

interface CompressedDiff {
  readonly '+'?: { readonly s?: string; readonly a?: Readonly<Record<string, unknown>> };
  readonly '-'?: { readonly a?: readonly string[] };
}

export interface EntitiesEvent {
  readonly a?: Readonly<Record<string, CompressedState>>;
  readonly c?: Readonly<Record<string, CompressedDiff>>;
  readonly r?: readonly string[];
}

/** Applies one `subscribe_entities` event to `states`; returns the entity ids it touched. */
export function applyEntitiesEvent(states: Map<string, HaState>, event: EntitiesEvent): string[] {
  const touched: string[] = [];
  for (const [entityId, added] of Object.entries(event.a ?? {})) {
    states.set(entityId, {
      entity_id: entityId,
      state: String(added.s),
      attributes: { ...(added.a ?? {}) },
    });
    touched.push(entityId);
  }
  for (const entityId of event.r ?? []) {
    if (states.delete(entityId)) touched.push(entityId);
  }
  for (const [entityId, diff] of Object.entries(event.c ?? {})) {
    const current = states.get(entityId);
    if (!current) continue;
    const attributes: Record<string, unknown> = { ...current.attributes, ...(diff['+']?.a ?? {}) };
    for (const key of diff['-']?.a ?? []) delete attributes[key];
    const state = diff['+']?.s;
    states.set(entityId, {
      entity_id: entityId,
      state: state === undefined ? current.state : String(state),
      attributes,
    });
    touched.push(entityId);
  }
  return touched;
}
