// The part of Home Assistant's frontend `hass` object the card reads (frontend src/types.ts).
// Only entity states, services, locale and themes: a non-admin user has all of them.

export interface HassEntity {
  readonly entity_id: string;
  readonly state: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly last_changed: string;
  readonly last_updated: string;
}

export type HassEntities = Readonly<Record<string, HassEntity>>;

export interface HassLocale {
  readonly language: string;
  readonly time_format?: string;
  readonly time_zone?: string;
}

export interface HassServiceTarget {
  readonly entity_id: string;
}

export interface HomeAssistant {
  readonly states: HassEntities;
  readonly locale?: HassLocale;
  readonly language?: string;
  readonly themes?: { readonly darkMode?: boolean };
  readonly config?: { readonly time_zone?: string };
  callService(
    domain: string,
    service: string,
    data?: Record<string, unknown>,
    target?: HassServiceTarget,
  ): Promise<unknown>;
}
