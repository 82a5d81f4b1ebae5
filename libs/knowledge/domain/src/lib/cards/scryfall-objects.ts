import { z, type ZodIssue, type ZodType, type ZodTypeDef } from 'zod';
import { MalformedRecordError } from './malformed-record-error';

/** Scryfall leaves fields out or sets them to null; both mean "not printed". */
const optionalText = z.string().nullish();
const optionalLetters = z.array(z.string()).nullish();

const scryfallFaceSchema = z.object({
  /** Only reversible cards carry the oracle id on their faces. */
  oracle_id: z.string().min(1).nullish(),
  name: z.string().min(1),
  mana_cost: optionalText,
  cmc: z.number().nullish(),
  type_line: optionalText,
  oracle_text: optionalText,
  colors: optionalLetters,
  power: optionalText,
  toughness: optionalText,
  loyalty: optionalText,
  defense: optionalText,
});

/** The part of a Scryfall card object Melvin reads; the rest is kept raw beside the record. */
const scryfallCardSchema = scryfallFaceSchema.extend({
  object: z.literal('card').optional(),
  layout: z.string().min(1).nullish(),
  color_identity: optionalLetters,
  keywords: optionalLetters,
  legalities: z.record(z.string()).nullish(),
  produced_mana: optionalLetters,
  released_at: optionalText,
  set_type: optionalText,
  card_faces: z.array(scryfallFaceSchema).nullish(),
});

const scryfallRulingSchema = z.object({
  object: z.literal('ruling').optional(),
  oracle_id: z.string().min(1),
  source: z.string().min(1),
  published_at: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
  comment: z.string().trim().min(1),
});

export type ScryfallFace = z.infer<typeof scryfallFaceSchema>;
export type ScryfallCard = z.infer<typeof scryfallCardSchema>;
export type ScryfallRuling = z.infer<typeof scryfallRulingSchema>;

export const readScryfallCard = (raw: unknown) => readSourceObject(scryfallCardSchema, raw, 'card');
export const readScryfallRuling = (raw: unknown) => readSourceObject(scryfallRulingSchema, raw, 'ruling');

function readSourceObject<T>(schema: ZodType<T, ZodTypeDef, unknown>, raw: unknown, what: string): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new MalformedRecordError(fieldPath(issue.path, what), describe(issue));
}

function fieldPath(path: Array<string | number>, what: string): string {
  if (!path.length) return what;
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i ? `.${part}` : part)).join('');
}

/** Messages read as the end of a sentence that starts with the field's path. */
function describe(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' || issue.received === 'null'
        ? 'is missing'
        : `must be ${article(issue.expected)} (got ${issue.received})`;
    case 'invalid_literal':
      return `is ${JSON.stringify(issue.received)}, expected ${JSON.stringify(issue.expected)}`;
    case 'too_small':
      return 'is empty';
    default:
      return issue.message;
  }
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
