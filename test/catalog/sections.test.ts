import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog } from '../../src/catalog/load.js';

const DIR = 'data/catalog';
const catalog = loadCatalog(DIR);
const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('sectionOf', () => {
  it('places models, datasets and concepts in the section that lists them', () => {
    expect(catalog.sectionOf('vit')?.id).toBe('transformers');
    expect(catalog.sectionOf('kinetics')?.id).toBe('video-recognition');
    expect(catalog.sectionOf('nas')?.id).toBe('efficient-training');
    expect(catalog.sectionOf('datasets')?.id).toBe('datasets');
  });

  it('places a task where its datasets are, so tasks need no section of their own', () => {
    expect(catalog.sectionOf('action-recognition')?.id).toBe('video-recognition');
    expect(catalog.sectionOf('image-translation')?.id).toBe('cycle-consistency');
    expect(catalog.sectionOf('segmentation')?.id).toBe('datasets');
    expect(catalog.sectionOf('no-such-id')).toBeUndefined();
  });

  it('gives every task a section', () => {
    for (const task of catalog.tasks) expect(catalog.sectionOf(task.id), task.id).toBeDefined();
  });
});

describe('section keywords', () => {
  it('are searchable terms of their section, in both languages', () => {
    const hit = (query: string) => catalog.search.search(query, { kinds: ['topic'] })[0];
    expect(hit('slot attention')).toMatchObject({ id: 'object-oriented-representation', matched: 'Slot Attention' });
    expect(hit('スロットアテンション')).toMatchObject({ id: 'object-oriented-representation' });
    for (const topic of catalog.topics) {
      if (!topic.keywords) continue;
      expect(topic.keywords.en.length, topic.id).toBeGreaterThan(0);
      expect(topic.keywords.ja.length, topic.id).toBeGreaterThan(0);
    }
  });

  it('must come in both languages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yomikai-catalog-'));
    temp.push(dir);
    cpSync(DIR, dir, { recursive: true });
    const path = join(dir, 'topics.yaml');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(/\n      ja: \[スロットアテンション[^\n]*/, ''));
    let problems: readonly string[] = [];
    try {
      loadCatalog(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      problems = (error as CatalogError).problems;
    }
    expect(problems.join('\n')).toMatch(/topics\.yaml:\d+: topics\.5\.keywords\.ja: /);
  });
});
