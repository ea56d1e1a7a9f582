// `routines:` in the config: named routines with trigger sentences per language (written as Home
// Assistant writes sentences: `(a|b)`, `[optional]`), an optional confirmation question, and
// actions run in order: a Home Assistant service call, a scene, a script, or words to say. A
// mistake names its key (`routines.0.actions.1.service: expected domain.service`).
import { z } from 'zod';
import { expandTemplate, TemplateError } from '../automation/sentence-templates.js';
import { words } from '../intents/normalize.js';

const ENTITY_ID = /^[a-z_]+\.[a-z0-9_]+$/;
const entityId = (domain?: string) =>
  z
    .string()
    .regex(
      domain ? new RegExp(`^${domain}\\.[a-z0-9_]+$`) : ENTITY_ID,
      domain ? `expected ${domain}.<name>` : 'expected an entity id such as light.kitchen',
    );
const oneOrMany = <T extends z.ZodTypeAny>(item: T) =>
  z
    .union([item, z.array(item).min(1)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

/** Words per language (`en`, `fr`), or one text for every language. */
const Texts = z.union([
  z.string().min(1),
  z.record(z.enum(['en', 'fr']), z.string().min(1)).refine((r) => Object.keys(r).length > 0, {
    message: 'give the words in at least one language',
  }),
]);
export type Texts = z.infer<typeof Texts>;

const Target = z
  .object({
    entity_id: oneOrMany(entityId()).optional(),
    area_id: oneOrMany(
      z.string().regex(/^[a-z0-9_]+$/, 'expected an area id such as bedroom'),
    ).optional(),
  })
  .strict()
  .refine((t) => t.entity_id || t.area_id, { message: 'give entity_id or area_id' });

const ServiceAction = z
  .object({
    service: z
      .string()
      .regex(/^[a-z_]+\.[a-z0-9_]+$/, 'expected domain.service such as light.turn_off'),
    target: Target.optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
const SceneAction = z.object({ scene: entityId('scene') }).strict();
const ScriptAction = z.object({ script: entityId('script') }).strict();
const SayAction = z.object({ say: Texts }).strict();

const KINDS = { service: ServiceAction, scene: SceneAction, script: ScriptAction, say: SayAction };
export type RoutineAction =
  | z.infer<typeof ServiceAction>
  | z.infer<typeof SceneAction>
  | z.infer<typeof ScriptAction>
  | z.infer<typeof SayAction>;

/** An action is read by its key, so a mistake inside it names its own key. */
const Action = z.unknown().transform((value, context): RoutineAction => {
  const kind =
    value && typeof value === 'object'
      ? (Object.keys(KINDS) as (keyof typeof KINDS)[]).find((k) => k in value)
      : undefined;
  if (!kind) {
    context.addIssue({
      code: 'custom',
      message: 'expected one of service (with target, data), scene, script or say',
    });
    return z.NEVER;
  }
  const parsed = KINDS[kind].safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) context.addIssue({ ...issue, code: 'custom' });
  return z.NEVER;
});

/** Trigger sentences, per language: each a template that must expand to sentences. */
const Sentences = z
  .record(z.enum(['en', 'fr']), z.array(z.string().min(1)).min(1))
  .refine((r) => Object.keys(r).length > 0, { message: 'give sentences in at least one language' })
  .superRefine((record, context) => {
    for (const [language, list] of Object.entries(record)) {
      list.forEach((template, i) => {
        try {
          expandTemplate(template);
        } catch (error) {
          if (!(error instanceof TemplateError)) throw error;
          context.addIssue({ code: 'custom', path: [language, i], message: error.message });
        }
      });
    }
  });

export const RoutineSchema = z
  .object({
    name: z.string().min(1),
    sentences: Sentences,
    /** Asked before anything is done; a sensitive action (arming, unlocking) always asks. */
    confirm: Texts.optional(),
    actions: z.array(Action).min(1),
  })
  .strict();
export type Routine = z.infer<typeof RoutineSchema>;

/** The routines; one sentence may start only one of them. */
export const RoutinesSchema = z
  .array(RoutineSchema)
  .default([])
  .superRefine((routines, context) => {
    const seen = new Map<string, string>();
    routines.forEach((routine, index) => {
      for (const [language, list] of Object.entries(routine.sentences)) {
        list.forEach((template, i) => {
          for (const sentence of safeExpand(template)) {
            const key = `${language}:${words(sentence).join(' ')}`;
            const other = seen.get(key);
            if (other !== undefined && other !== routine.name) {
              context.addIssue({
                code: 'custom',
                path: [index, 'sentences', language, i],
                message: `"${sentence}" already starts the routine "${other}"`,
              });
            }
            seen.set(key, routine.name);
          }
        });
      }
    });
  });

function safeExpand(template: string): string[] {
  try {
    return expandTemplate(template);
  } catch {
    return []; // reported by the sentences' own check
  }
}

/** The words in `language`, else English, else the first given. */
export function textIn(texts: Texts, language: string): string {
  if (typeof texts === 'string') return texts;
  const record = texts as Partial<Record<string, string>>;
  return record[language] ?? record.en ?? Object.values(record)[0] ?? '';
}
