// @jarvis/lovelace-card: the dashboard card. It imports only the runtime-agnostic
// protocol core, which must stay free of Node-only code.
import { PROTOCOL_VERSION } from 'wyoming-ts';

/** The custom element name Home Assistant dashboards use for the card. */
export const CARD_TYPE = 'jarvis-card';

export const CARD_PROTOCOL_VERSION = PROTOCOL_VERSION;
