// The home as Jarvis sees it: areas and the entities exposed to it, live. Implemented by the
// Home Assistant client and by the built-in demo home.

export interface HomeArea {
  readonly area_id: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

export interface HomeEntity {
  /** `light.kitchen_ceiling` */
  readonly entity_id: string;
  /** `light` */
  readonly domain: string;
  /** The friendly name (`Kitchen ceiling`). */
  readonly name: string;
  readonly aliases: readonly string[];
  /** Its own area, or its device's area. */
  readonly area_id?: string;
  /** `on`, `off`, `locked`, `21.5`, `unavailable`, ... */
  readonly state: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** A service call with a target, as Home Assistant takes it. */
export interface ServiceCall {
  readonly domain: string;
  readonly service: string;
  readonly target?: {
    readonly entity_id?: readonly string[];
    readonly area_id?: readonly string[];
  };
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Home Assistant's event bus, for automations (absent on the demo home). */
export interface HomeEvents {
  /** Fires an event; rejects with `EngineError` while Home Assistant is not connected. */
  fire(eventType: string, data: Record<string, unknown>): Promise<void>;
  /** Calls `listener` with each event's data; returns the unsubscribe. */
  on(eventType: string, listener: (data: Record<string, unknown>) => void): () => void;
}

export interface Home {
  /** `Home Assistant` or `demo home`, for the start-up summary. */
  readonly kind: string;
  /** True while the home can be controlled (always for the demo). */
  readonly connected: boolean;
  areas(): readonly HomeArea[];
  /** The entities exposed to Jarvis (exposed to Assist in Home Assistant). */
  entities(): readonly HomeEntity[];
  entity(entityId: string): HomeEntity | undefined;
  /** Calls a service; rejects with `EngineError` (engine `home-assistant`) when it cannot. */
  callService(call: ServiceCall, signal?: AbortSignal): Promise<void>;
  /** States, names, aliases or areas changed; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  /** Home Assistant's event bus, when there is one. */
  readonly events?: HomeEvents;
  close(): Promise<void>;
}
