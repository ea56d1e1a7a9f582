// What both cards share: `hass` in, a re-render only when the card's own entities (or the
// locale) changed, the rooms' context, and service calls through `hass.callService`.
import { LitElement } from 'lit';
import { type ServiceCall, perform } from './actions.js';
import type { JarvisEntities, SatelliteEntities } from './discovery.js';
import { timeOfDay } from './format.js';
import type { HomeAssistant } from './hass.js';
import { type Localize, languageOf, localizer } from './localize.js';
import type { RoomContext } from './room-element.js';
import { browserRoleStore } from './role-store.js';
import { EntityTracker } from './tracker.js';

export abstract class JarvisBaseCard extends LitElement {
  protected readonly tracker = new EntityTracker(browserRoleStore());
  protected context: RoomContext | undefined;
  protected localize: Localize = localizer('en');
  private current: HomeAssistant | undefined;
  private localeKey = '';
  /** Renders of the card itself; for tests. */
  renders = 0;

  /** The satellites this card shows, from what was found. */
  protected abstract select(found: JarvisEntities): SatelliteEntities[];

  set hass(hass: HomeAssistant) {
    const first = this.current === undefined;
    const sameStates = hass.states === this.current?.states;
    this.current = hass;
    let changed = !sameStates && this.tracker.update(hass.states, (found) => this.select(found));
    const locale = hass.locale;
    const key = [languageOf(hass), locale?.time_format, locale?.time_zone, hass.config?.time_zone];
    if (key.join('|') !== this.localeKey) {
      this.localeKey = key.join('|');
      this.localize = localizer(languageOf(hass));
      this.context = {
        localize: this.localize,
        time: (when) => timeOfDay(when, this.current),
        call: (action) => this.call(action),
      };
      changed = true;
    }
    if (changed || first) this.requestUpdate();
  }

  get hass(): HomeAssistant | undefined {
    return this.current;
  }

  protected call(action: ServiceCall): void {
    perform(this.current, action);
  }

  /** After a new config: the selection may differ. */
  protected retrack(): void {
    this.tracker.reset();
    if (this.current) this.tracker.update(this.current.states, (found) => this.select(found));
    this.requestUpdate();
  }

  protected override updated(): void {
    this.renders += 1;
  }
}
