import type * as ort from './onnx-runtime.js';

interface Entry {
  readonly session: Promise<ort.InferenceSession>;
  users: number;
}

/**
 * ONNX sessions shared by everyone who opens the same model file, and released when the last
 * of them gives theirs back: a server with a hundred satellites holds one VAD model, not a
 * hundred. Sharing is safe because onnxruntime-node runs a session synchronously and keeps no
 * state between runs; every user passes its own input, output and state tensors.
 */
export class SharedSessions {
  private readonly entries = new Map<string, Entry>();
  private readonly pathOf = new WeakMap<ort.InferenceSession, string>();

  /** `create` loads and checks one model file; its errors reach every caller of `open`. */
  constructor(private readonly create: (path: string) => Promise<ort.InferenceSession>) {}

  async open(path: string): Promise<ort.InferenceSession> {
    let entry = this.entries.get(path);
    if (!entry) {
      const session = this.create(path).then((created) => {
        this.pathOf.set(created, path);
        return created;
      });
      entry = { session, users: 0 };
      this.entries.set(path, entry);
      session.catch(() => this.entries.delete(path));
    }
    entry.users++;
    try {
      return await entry.session;
    } catch (error) {
      entry.users--;
      throw error;
    }
  }

  /** Gives back a session from `open`; the last user's release frees it. */
  async release(session: ort.InferenceSession): Promise<void> {
    const path = this.pathOf.get(session);
    const entry = path === undefined ? undefined : this.entries.get(path);
    if (!entry || --entry.users > 0) return;
    this.entries.delete(path!);
    await session.release();
  }

  /** How many model files are loaded, and how many users hold them. */
  usage(): { models: number; users: number } {
    let users = 0;
    for (const entry of this.entries.values()) users += entry.users;
    return { models: this.entries.size, users };
  }
}
