import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog, CatalogError } from '../../src/catalog/load.js';

const DIR = 'data/catalog';
const catalog = loadCatalog(DIR);
const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the real catalog', () => {
  it('covers the whole survey: seven sections, ~50 papers, ~25 datasets', () => {
    const counts = catalog.counts();
    expect(counts.topic).toBe(7);
    expect(counts.model).toBeGreaterThanOrEqual(45);
    expect(counts.dataset).toBeGreaterThanOrEqual(24);
    expect(catalog.topics.map((t) => t.id)).toEqual([
      'video-recognition',
      'efficient-training',
      'datasets',
      'transformers',
      'generative-models',
      'object-oriented-representation',
      'cycle-consistency',
    ]);
  });

  it('gives every section at least one entry', () => {
    for (const topic of catalog.topics) {
      const contents = catalog.topicContents(topic.id);
      expect(contents.models.length + contents.datasets.length + contents.concepts.length, topic.id).toBeGreaterThan(0);
    }
  });

  it('has a title, a first author and a source for every paper-backed model, and a year for nearly all', () => {
    for (const model of catalog.models) {
      expect(model.paper.title, model.id).toBeTruthy();
      expect(model.paper.authors.length, model.id).toBeGreaterThan(0);
      expect(model.sources.length, model.id).toBeGreaterThan(0);
      if (model.paper.year !== undefined) expect(model.paper.year, model.id).toBeGreaterThan(1990);
    }
    // A year that could not be checked stays empty; that should stay the rare exception.
    expect(catalog.models.filter((model) => model.paper.year === undefined).length).toBeLessThanOrEqual(2);
  });

  it('keeps arXiv ids consistent with the year (YYMM prefix never after publication)', () => {
    for (const entry of [...catalog.models, ...catalog.datasets]) {
      const paper = entry.paper;
      if (!paper?.arxiv || paper.year === undefined) continue;
      const arxivYear = 2000 + Number(paper.arxiv.slice(0, 2));
      expect(arxivYear, entry.id).toBeLessThanOrEqual(paper.year);
      expect(paper.year - arxivYear, entry.id).toBeLessThanOrEqual(3);
    }
  });

  it('files every dataset under known tasks, and segmentation groups semantic and instance', () => {
    const family = catalog.taskFamily('segmentation');
    expect([...family].sort()).toEqual(['instance-segmentation', 'segmentation', 'semantic-segmentation']);
    const names = catalog.datasetsForTask('segmentation').map((d) => d.id);
    expect(names).toEqual(expect.arrayContaining(['ade20k', 'cityscapes', 'sun', 'sift-flow', 'open-images']));
  });

  it('records where the survey differs from the source', () => {
    const i3d = catalog.get('i3d');
    if (i3d?.kind !== 'model') throw new Error('i3d should be a model');
    expect(i3d.entry.survey_version?.['title']).toMatch(/Wuo Vadis/);
    expect(i3d.entry.paper.title).toMatch(/^Quo Vadis/);
  });
});

describe('broken catalog files', () => {
  function brokenCopy(file: string, edit: (text: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), 'yomikai-catalog-'));
    temp.push(dir);
    cpSync(DIR, dir, { recursive: true });
    const path = join(dir, file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    return dir;
  }

  function problemsOf(dir: string): string[] {
    try {
      loadCatalog(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      return [...(error as CatalogError).problems];
    }
    throw new Error('the broken catalog loaded');
  }

  function lineOf(text: string, needle: string): number {
    return text.slice(0, text.indexOf(needle)).split('\n').length;
  }

  it('reports a YAML syntax error with file:line', () => {
    const original = readFileSync(join(DIR, 'topics.yaml'), 'utf8');
    const dir = brokenCopy('topics.yaml', (text) => text.replace('    order: 2', '    order: [2'));
    const problems = problemsOf(dir);
    // The parser notices an unclosed "[" where the flow sequence should have ended: at the
    // broken line or just after it, never line 1 (which is what a missing position gave).
    const line = Number(/topics\.yaml:(\d+): /.exec(problems[0] ?? '')?.[1]);
    expect(line).toBeGreaterThanOrEqual(lineOf(original, '    order: 2'));
    expect(line).toBeLessThanOrEqual(lineOf(original, '    order: 2') + 3);
  });

  it('reports a schema error at the line of the bad field', () => {
    const original = readFileSync(join(DIR, 'topics.yaml'), 'utf8');
    const dir = brokenCopy('topics.yaml', (text) => text.replace('    order: 3', '    order: three'));
    const [problem] = problemsOf(dir);
    expect(problem).toContain(`topics.yaml:${lineOf(original, '    order: 3')}: topics.2.order:`);
  });

  it('reports an unknown field by name', () => {
    const dir = brokenCopy('topics.yaml', (text) => text.replace('    order: 1\n', '    order: 1\n    colour: red\n'));
    expect(problemsOf(dir)[0]).toMatch(/topics\.yaml:\d+: topics\.0: unknown field colour/);
  });

  it('reports a dangling cross-reference at its line, and loads nothing', () => {
    const original = readFileSync(join(DIR, 'topics.yaml'), 'utf8');
    const dir = brokenCopy('topics.yaml', (text) => text.replace('related: [kinetics, x3d, slowfast, i3d]', 'related: [kinetics, x3d, slowfast, i4d]'));
    const problems = problemsOf(dir);
    expect(problems).toEqual([`${join(dir, 'topics.yaml').replace(process.cwd() + '/', '')}:${lineOf(original, 'related: [kinetics, x3d')}: "i4d" does not match any entry's id`]);
  });

  it('reports a duplicate id with both places', () => {
    const dir = brokenCopy('topics.yaml', (text) => text.replace('  - id: efficient-training', '  - id: video-recognition'));
    expect(problemsOf(dir).join('\n')).toMatch(/id "video-recognition" is already used at .*topics\.yaml:\d+/);
  });
});
