import { z } from 'zod';

/**
 * The catalog's file format. Every YAML file under data/catalog/ is an object
 * with any of the lists below; the loader merges them. Ids are unique across
 * every kind, so `related:` can point at a model, dataset, concept or topic.
 *
 * Bibliographic facts are optional on purpose: a fact that could not be
 * verified against a source stays empty rather than guessed.
 */

export const ENTRY_KINDS = ['model', 'dataset', 'concept', 'topic', 'task'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes, e.g. "x3d" or "efficientnet-v2"');

const text = z.string().trim().min(1);

/** A sentence in both languages, written in our own words. */
export const localizedSchema = z.strictObject({ ja: text, en: text });
export type Localized = z.infer<typeof localizedSchema>;

/** A new-style arXiv id (YYMM.NNNNN). */
export const arxivIdSchema = z.string().regex(/^\d{4}\.\d{4,5}$/, 'arXiv ids look like "2004.04730"');

export const paperSchema = z.strictObject({
  title: text.optional(),
  /** In the paper's order; at least the first author when known. */
  authors: z.array(text).default([]),
  year: z.number().int().min(1950).max(2100).optional(),
  /** Where it was published, with the year: "CVPR 2020", "arXiv preprint". */
  venue: text.optional(),
  arxiv: arxivIdSchema.optional(),
  /** The official page when there is no arXiv listing (or in addition to it). */
  url: z.url().optional(),
});
export type Paper = z.infer<typeof paperSchema>;

/** What the survey wrote where it differs from the source: field → the survey's text. */
const surveyVersionSchema = z.record(z.string(), text);

const common = {
  id: idSchema,
  name: text,
  /** The Japanese name shown to Japanese readers, where one is in common use (深さ方向分離畳み込み). */
  name_ja: text.optional(),
  /** What people actually type: spellings, with/without punctuation, the survey's typos, Japanese names. */
  aliases: z.array(text).default([]),
  related: z.array(idSchema).default([]),
  /** Where the facts were checked (arXiv listings, official repositories). */
  sources: z.array(z.url()).default([]),
  survey_version: surveyVersionSchema.optional(),
};

export const modelSchema = z.strictObject({
  ...common,
  topic: idSchema,
  paper: paperSchema,
  /** The survey's point about this entry, in our own words. */
  note: localizedSchema,
});
export type ModelEntry = z.infer<typeof modelSchema>;

export const ITEM_UNITS = [
  'images',
  'videos',
  'clips',
  'models',
  'objects',
  'scenes',
  'scans',
  'masks',
  'articles',
  'sentence_pairs',
  'studies',
] as const;
export type ItemUnit = (typeof ITEM_UNITS)[number];

/** Figures for one task where a dataset's subsets differ (Open Images: classes per task). */
export const datasetFigureSchema = z.strictObject({
  task: idSchema,
  version: text.optional(),
  classes: z.number().int().positive().optional(),
  items: z.number().int().positive().optional(),
  items_unit: z.enum(ITEM_UNITS).optional(),
});
export type DatasetFigure = z.infer<typeof datasetFigureSchema>;

export const datasetSchema = z.strictObject({
  ...common,
  full_name: text.optional(),
  topic: idSchema,
  tasks: z.array(idSchema).min(1),
  classes: z.number().int().positive().optional(),
  items: z.number().int().positive().optional(),
  items_unit: z.enum(ITEM_UNITS).optional(),
  /** Per-task figures, where they differ from the headline ones above. */
  figures: z.array(datasetFigureSchema).default([]),
  /** Versions, splits and other size details that one number can't carry. */
  size_note: localizedSchema.optional(),
  year: z.number().int().min(1950).max(2100).optional(),
  paper: paperSchema.optional(),
  /** The survey's remarks, in our own words. */
  remarks: localizedSchema,
});
export type DatasetEntry = z.infer<typeof datasetSchema>;

export const conceptSchema = z.strictObject({
  ...common,
  topic: idSchema,
  note: localizedSchema,
  paper: paperSchema.optional(),
});
export type ConceptEntry = z.infer<typeof conceptSchema>;

/** Words in both languages; both lists are required so neither language is left out. */
export const localizedWordsSchema = z.strictObject({ ja: z.array(text).min(1), en: z.array(text).min(1) });

export const topicSchema = z.strictObject({
  id: idSchema,
  name: localizedSchema,
  aliases: z.array(text).default([]),
  /**
   * What the section is about beyond its entries: key terms people search by
   * that have no entry of their own ("slot attention", "新規視点合成"). /topic
   * also finds a section through its entries, so entry names need not be repeated here.
   */
  keywords: localizedWordsSchema.optional(),
  /** Position in the survey (1 = first section). */
  order: z.number().int().positive(),
  overview: localizedSchema,
  related: z.array(idSchema).default([]),
});
export type TopicEntry = z.infer<typeof topicSchema>;

/** The small task taxonomy datasets are filed under; a parent groups its children. */
export const taskSchema = z.strictObject({
  id: idSchema,
  name: localizedSchema,
  aliases: z.array(text).default([]),
  parent: idSchema.optional(),
  related: z.array(idSchema).default([]),
});
export type TaskEntry = z.infer<typeof taskSchema>;

export const catalogFileSchema = z.strictObject({
  topics: z.array(topicSchema).optional(),
  tasks: z.array(taskSchema).optional(),
  models: z.array(modelSchema).optional(),
  datasets: z.array(datasetSchema).optional(),
  concepts: z.array(conceptSchema).optional(),
});
export type CatalogFile = z.infer<typeof catalogFileSchema>;
