// `jarvis-card`: every room's assistant on one card, with ask, announce, stats and health.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import * as act from './actions.js';
import { lastArbitration } from './arbitration.js';
import { JarvisBaseCard } from './base-card.js';
import { type JarvisCardConfig, parseCardConfig } from './config.js';
import { type JarvisEntities, selectSatellites } from './discovery.js';
import { houseForm } from './editor.js';
import type { HomeAssistant } from './hass.js';
import {
  type AskTarget,
  announceForm,
  houseModeSelect,
  arbitrationLine,
  askForm,
  statsList,
} from './house-sections.js';
import { bridgeView, roomView } from './state-map.js';
import { controlStyles } from '@jarvis/ui/kit/styles.js';
import { cardStyles } from './styles.js';

export class JarvisCard extends JarvisBaseCard {
  static override styles = [controlStyles, cardStyles];
  private config: JarvisCardConfig | undefined;

  static getStubConfig(hass?: HomeAssistant): Record<string, unknown> {
    // Zero-config: no satellites listed means every one found.
    void hass;
    return { type: 'custom:jarvis-card' };
  }

  static getConfigForm() {
    return houseForm();
  }

  setConfig(config: unknown): void {
    this.config = parseCardConfig(config);
    this.retrack();
  }

  getCardSize(): number {
    const rooms = Math.max(1, this.tracker.rooms.length);
    return this.config?.compact ? 2 + rooms : 3 + rooms * 3;
  }

  getGridOptions() {
    return { columns: 12, min_columns: 6, min_rows: this.config?.compact ? 2 : 4 };
  }

  protected select(found: JarvisEntities) {
    return selectSatellites(found.satellites, this.config?.satellites);
  }

  protected override render() {
    const { config, context } = this;
    if (!config || !context || !this.hass) return nothing;
    const t = this.localize;
    const bridge = bridgeView(this.tracker.found.bridge, this.tracker.bridge);
    const rooms = this.tracker.rooms;
    const show = new Set(config.sections);
    const subtitle = !bridge.present
      ? nothing
      : bridge.online
        ? html`<span class="subtitle">${t('online', { n: bridge.satellitesOnline ?? 0 })}</span>`
        : html`<span class="subtitle warning">${t('bridge.offline')}</span>`;
    const arbitration = show.has('arbitration')
      ? lastArbitration(this.tracker.found.satellites, this.tracker.turns)
      : undefined;
    return html`<ha-card>
      <div class="header">
        <h2>${config.title ?? t('title')}</h2>
        ${subtitle}
      </div>
      ${
        rooms.length === 0
          ? html`<p class="warning">${t('none.found')}</p>`
          : html`<div class="rooms">
              ${repeat(
                rooms,
                (room) => room.satellite.id,
                (room) =>
                  html`<jarvis-room
                    .satellite=${room.satellite}
                    .entities=${room.entities}
                    .context=${context}
                    ?compact=${config.compact}
                  ></jarvis-room>`,
              )}
            </div>`
      }
      ${arbitration ? arbitrationLine(t, arbitration, context.time(arbitration.at)) : nothing}
      ${
        show.has('ask')
          ? askForm(t, this.askTargets(bridge.ask), (id, text) => this.call(act.ask(id, text)))
          : nothing
      }
      ${
        show.has('announce') && bridge.announce
          ? announceForm(t, bridge.announce, (text) =>
              this.call(act.announce(bridge.announce!, text)),
            )
          : nothing
      }
      ${
        show.has('stats')
          ? houseModeSelect(t, bridge, (mode) => this.call(act.setMode(bridge.setHouseMode!, mode)))
          : nothing
      }
      ${show.has('stats') && bridge.present ? statsList(t, bridge) : nothing}
    </ha-card>`;
  }

  /** The house first (the bridge's `ask`), then each room shown that can be asked. */
  private askTargets(house: string | undefined): AskTarget[] {
    const targets: AskTarget[] = house
      ? [{ entityId: house, label: this.localize('ask.house') }]
      : [];
    for (const room of this.tracker.rooms) {
      const entityId = roomView(room.satellite, room.entities).actions.ask;
      if (entityId) targets.push({ entityId, label: room.satellite.name });
    }
    return targets;
  }
}
