// What Jarvis remembers: the newest first, or what best answers a search; each can be corrected
// (PUT: remembered anew, the old one forgotten) or deleted. `/api/memories`.
import { html } from 'lit';
import { Panel } from './panel.js';

export interface MemoryItem {
  readonly id: string;
  readonly kind: string;
  readonly text: string;
  readonly area?: string;
  readonly updatedAt: number;
  readonly score?: number;
}

export class MemoriesPanel extends Panel {
  static override properties = {
    ...Panel.properties,
    memories: { state: true },
    total: { state: true },
    query: { state: true },
    editing: { state: true },
  };
  declare memories: readonly MemoryItem[];
  declare total: number;
  declare query: string;
  declare editing: string | undefined;

  constructor() {
    super();
    this.memories = [];
    this.total = 0;
    this.query = '';
  }

  protected async load(): Promise<void> {
    const q = this.query.trim();
    const path = q ? `api/memories?limit=20&q=${encodeURIComponent(q)}` : 'api/memories?limit=20';
    const reply = await this.api!.get<{ memories: MemoryItem[]; total: number }>(path);
    this.memories = reply.memories;
    this.total = reply.total;
  }

  private search(event: SubmitEvent): void {
    event.preventDefault();
    const field = (event.currentTarget as HTMLFormElement).elements.namedItem('q');
    this.query = (field as HTMLInputElement).value;
    void this.refresh();
  }

  private async save(event: SubmitEvent, memory: MemoryItem): Promise<void> {
    event.preventDefault();
    const field = (event.currentTarget as HTMLFormElement).elements.namedItem('text');
    const text = (field as HTMLInputElement).value.trim();
    if (!text) return;
    const path = `api/memories/${encodeURIComponent(memory.id)}`;
    if (await this.attempt(() => this.api!.request('PUT', path, { text }))) {
      this.editing = undefined;
      await this.refresh();
    }
  }

  private async forget(memory: MemoryItem): Promise<void> {
    const path = `api/memories/${encodeURIComponent(memory.id)}`;
    if (await this.attempt(() => this.api!.request('DELETE', path))) await this.refresh();
  }

  protected override render() {
    const q = this.query.trim();
    return html`<h2>Memories</h2>
      <form role="search" @submit=${(e: SubmitEvent) => this.search(e)}>
        <input
          type="search"
          name="q"
          aria-label="Search the memories"
          placeholder="What about Felix?"
          .value=${this.query}
        />
        <button type="submit">Search</button>
      </form>
      ${this.errorLine()}
      <p class="muted-text" data-count>
        ${q ? `${this.memories.length} found for “${q}”` : `${this.total} remembered`}
      </p>
      <ul class="items" aria-label="Memories">
        ${this.memories.map((memory) => this.item(memory))}
      </ul>`;
  }

  private item(memory: MemoryItem) {
    if (this.editing === memory.id)
      return html`<li data-memory=${memory.id}>
        <form class="grow" @submit=${(e: SubmitEvent) => this.save(e, memory)}>
          <input
            type="text"
            name="text"
            maxlength="500"
            aria-label="Memory"
            .value=${memory.text}
          />
          <button class="primary" type="submit">Save</button>
          <button type="button" @click=${() => (this.editing = undefined)}>Cancel</button>
        </form>
      </li>`;
    return html`<li data-memory=${memory.id}>
      <span class="grow">
        <span data-text>${memory.text}</span>
        <span class="muted-text">${memory.kind}${memory.area ? `, ${memory.area}` : ''}</span>
      </span>
      <button aria-label=${`Edit: ${memory.text}`} @click=${() => (this.editing = memory.id)}>
        Edit
      </button>
      <button aria-label=${`Delete: ${memory.text}`} @click=${() => this.forget(memory)}>
        Delete
      </button>
    </li>`;
  }
}
