// `jarvis-room-card`: one satellite, with its controls and an ask box for that room.
import { html, nothing } from 'lit';
import * as act from './actions.js';
import { JarvisBaseCard } from './base-card.js';
import { type JarvisRoomCardConfig, parseRoomCardConfig } from './config.js';
import { type JarvisEntities, discover, selectSatellites } from './discovery.js';
import { roomForm } from './editor.js';
import type { HomeAssistant } from './hass.js';
import { askForm } from './house-sections.js';
import { roomView } from './state-map.js';
import { controlStyles } from '@jarvis/ui/kit/styles.js';
import { cardStyles } from './styles.js';

export class JarvisRoomCard extends JarvisBaseCard {
  static override styles = [controlStyles, cardStyles];
  private config: JarvisRoomCardConfig | undefined;

  /** Zero-config: the first satellite found (by name). */
  static getStubConfig(hass?: HomeAssistant): Record<string, unknown> {
    const first = hass ? discover(hass.states).satellites[0] : undefined;
    const main = first?.source === 'jarvis' ? first.roles.assist_state : first?.id;
    return { type: 'custom:jarvis-room-card', satellite: main ?? first?.id ?? '' };
  }

  static getConfigForm() {
    return roomForm();
  }

  setConfig(config: unknown): void {
    this.config = parseRoomCardConfig(config);
    this.retrack();
  }

  getCardSize(): number {
    return this.config?.compact ? 1 : 4;
  }

  getGridOptions() {
    return { columns: 6, min_columns: 3, min_rows: this.config?.compact ? 1 : 3 };
  }

  protected select(found: JarvisEntities) {
    return this.config ? selectSatellites(found.satellites, [this.config.satellite]) : [];
  }

  protected override render() {
    const { config, context } = this;
    if (!config || !context || !this.hass) return nothing;
    const t = this.localize;
    const room = this.tracker.rooms[0];
    if (!room) {
      return html`<ha-card
        ><p class="warning">${t('satellite.missing', { name: config.satellite })}</p></ha-card
      >`;
    }
    const ask = roomView(room.satellite, room.entities).actions.ask;
    return html`<ha-card>
      <jarvis-room
        .satellite=${room.satellite}
        .entities=${room.entities}
        .context=${context}
        ?compact=${config.compact}
      ></jarvis-room>
      ${
        ask && !config.compact
          ? askForm(t, [{ entityId: ask, label: room.satellite.name }], (id, text) =>
              this.call(act.ask(id, text)),
            )
          : nothing
      }
    </ha-card>`;
  }
}
