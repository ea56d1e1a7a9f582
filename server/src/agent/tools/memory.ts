// Long-term memory for the model: `remember` (adds; updates only a fact given a new value),
// `recall` (everything about someone, or the best matches), `forget`. Offered only when a memory
// store is configured.
import { MEMORY_KINDS, type Memory } from '../../memory/memory.js';
import { resolveArea } from './resolve.js';
import { type AgentTool, type ToolContext, type ToolOutcome, refusal, result } from './tool.js';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function facts(memory: Memory) {
  const replaced = memory.facets.filter((f) => f.replacedAt !== undefined);
  return {
    id: memory.id,
    kind: memory.kind,
    subject: memory.subject,
    text: memory.text,
    ...(memory.area ? { area: memory.area } : {}),
    updated: day(memory.updatedAt),
    // What no longer holds of it, and what it said before: the model should not repeat those.
    ...(replaced.length > 0 && {
      no_longer_true: replaced.map((f) => `${f.attribute}: now "${f.replacedBy ?? ''}"`),
    }),
    ...(memory.history.length > 0 && {
      before: memory.history.map((r) => ({ text: r.text, until: day(r.until) })),
    }),
  };
}

/** "what did I tell you about Felix", "Felix", "tout sur Hugo": a question for everything. */
const ABOUT_QUESTION = /\b(?:about|regarding|sur|de|du)\b|^\s*[\p{L}'’-]+\s*[?!.]*\s*$/iu;

const STILL_OPENING =
  'Memory is still getting ready after an update (re-indexing what it knows); ' +
  'nothing can be recalled for a minute or two.';

function storeOf(context: ToolContext) {
  if (!context.memory) throw new Error('memory tools need a memory store');
  return context.memory;
}

export const remember: AgentTool = {
  name: 'remember',
  description:
    'Save a durable fact about the people, pets or home, a preference, or a reminder, to ' +
    'remember it in later conversations. Facts are kept side by side; a new value of the same ' +
    'thing (Felix is actually grey) updates the old one, which is kept in its history.',
  parameters: {
    type: 'object',
    required: ['text'],
    properties: {
      text: {
        type: 'string',
        description: 'The fact as one short sentence, e.g. "Felix is a black cat"',
      },
      kind: {
        type: 'string',
        enum: MEMORY_KINDS,
        description: 'fact, preference, house, episode or reminder',
      },
      subject: {
        type: 'string',
        description: 'Who or what it is about, a few words, e.g. "Felix"',
      },
      area: { type: 'string', description: 'The area it concerns, if any' },
    },
  },
  async run(args, context): Promise<ToolOutcome> {
    const areaSaid = args['area'] as string | undefined;
    const area = areaSaid ? resolveArea(context.home, areaSaid) : undefined;
    const saved = await storeOf(context).remember(
      {
        text: String(args['text']),
        kind: args['kind'] as Memory['kind'] | undefined,
        subject: args['subject'] as string | undefined,
        area: area?.ok ? area.value.area_id : undefined,
        source: context.request.conversationId,
      },
      context.signal,
    );
    return result({
      action: saved.action,
      memory: facts(saved.memory),
      ...(saved.previous ? { replaced: saved.previous } : {}),
    });
  },
};

export const recall: AgentTool = {
  name: 'recall',
  description:
    'Search long-term memory for what Jarvis knows about something or someone. A name alone ' +
    '("Felix") or "everything about Felix" returns every current fact about them.',
  parameters: {
    type: 'object',
    required: ['query'],
    properties: {
      query: { type: 'string', description: 'What to look for, e.g. "Felix" or "evening light"' },
      limit: { type: 'integer', minimum: 1, maximum: 10, description: 'How many (default 3)' },
    },
  },
  async run(args, context): Promise<ToolOutcome> {
    const query = String(args['query']);
    const store = storeOf(context);
    if (store.opening) return result({ memories: [], note: STILL_OPENING });
    if (ABOUT_QUESTION.test(query)) {
      const all = await store.about(query, context.signal);
      if (all.length > 0) return result({ memories: all.map(facts) });
    }
    const found = await store.recall(query, {
      limit: (args['limit'] as number | undefined) ?? 3,
      area: context.request.area,
      signal: context.signal,
    });
    return result({
      memories: found.map(({ memory, score }) => ({
        ...facts(memory),
        score: Number(score.toFixed(2)),
      })),
    });
  },
};

export const forget: AgentTool = {
  name: 'forget',
  description: 'Delete memories: by id (from recall), or those that best match a description.',
  parameters: {
    type: 'object',
    properties: {
      id: { type: 'string', description: 'The memory id' },
      query: { type: 'string', description: 'What to forget, e.g. "Felix\'s colour"' },
    },
  },
  async run(args, context): Promise<ToolOutcome> {
    const store = storeOf(context);
    const id = args['id'] as string | undefined;
    const query = args['query'] as string | undefined;
    if (!id && !query) return refusal('give the memory "id" or a "query"', { invalid: true });
    if (id) {
      const memory = await store.get(id);
      if (!memory || !(await store.forget(id))) return refusal(`no memory has id ${id}`);
      return result({ deleted: [facts(memory)] });
    }
    const deleted = await store.forgetMatching(String(query), context.signal);
    if (!deleted.length) return refusal('no memory matches that; nothing was deleted');
    return result({ deleted: deleted.map(facts) });
  },
};

export const MEMORY_TOOLS: readonly AgentTool[] = [remember, recall, forget];
