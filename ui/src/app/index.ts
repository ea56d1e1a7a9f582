// The web UI's entry: defines its elements once (the page may load the script twice).
import { LatencyChart } from './latency-chart.js';
import { MemoriesPanel } from './memories-panel.js';
import { RemindersPanel } from './reminders-panel.js';
import { SatellitesPanel } from './satellites-panel.js';
import { StatusPanel } from './status-panel.js';
import { TryPanel } from './try-panel.js';
import { JarvisWebUi } from './web-ui.js';

const elements: ReadonlyArray<[string, CustomElementConstructor]> = [
  ['jarvis-status-panel', StatusPanel],
  ['jarvis-satellites-panel', SatellitesPanel],
  ['jarvis-try-panel', TryPanel],
  ['jarvis-latency-chart', LatencyChart],
  ['jarvis-memories-panel', MemoriesPanel],
  ['jarvis-reminders-panel', RemindersPanel],
  // Last: its panels are defined when it first renders.
  ['jarvis-web-ui', JarvisWebUi],
];

for (const [tag, element] of elements)
  if (!customElements.get(tag)) customElements.define(tag, element);
