import { afterAll, describe, expect, it } from 'vitest';
import { run, testApp } from '../helpers/app.js';
import type { Lang } from '../../src/i18n/index.js';
import type { DispatchResult } from '../../src/core/dispatch.js';

/**
 * "A task family should list all its tasks" (issue 7, part 4): a query that
 * names several tasks alike lists the datasets of each, grouped by task,
 * instead of asking the user to pick one.
 */
const app = testApp();
afterAll(() => app.close());

/** Group name (without its count) → dataset names in it, as shown. */
function groups(result: DispatchResult): Record<string, string[]> {
  return Object.fromEntries(
    (result.reply.fields ?? []).map((field) => [
      field.name.replace(/ \(\d+\)$/, ''),
      field.value.split('\n').map((line) => line.replace(/^• /, '').replace(/ \(\d{4}\)( — .*)?$/, '').replace(/ — .*$/, '')),
    ]),
  );
}

async function list(query: string, lang: Lang = 'en'): Promise<DispatchResult> {
  const result = await run(app, `/dataset ${query}`, lang);
  expect(result.status, result.reply.text).toBe('ok');
  expect(result.reply.kind, result.reply.title).toBe('list');
  return result;
}

const OBJECTS_3D = ['ABC', 'ScanObjectNN', 'Objectron'];
const SCENES_3D = ['KITTI', 'Matterport3D', 'ScanNet'];

describe('/dataset with a query that names a family of tasks', () => {
  it('lists 3D objects and 3D scenes for "3d", each under its task', async () => {
    const result = await list('3d');
    expect(result.reply.ephemeral).toBeFalsy();
    expect(result.reply.title).toBe('Datasets for 3D objects and 3D scenes');
    expect(result.reply.text).toBe('6 datasets in the survey are filed under 3D objects or 3D scenes, grouped by task.');
    expect(groups(result)).toEqual({ '3D objects': OBJECTS_3D, '3D scenes': SCENES_3D });
  });

  it.each([['point cloud', 'en'], ['点群', 'ja'], ['3D', 'ja']] as const)('does the same for "%s", which both tasks answer to', async (query, lang) => {
    const result = await list(query, lang);
    const names = Object.values(groups(result)).flat();
    expect(names.sort()).toEqual([...OBJECTS_3D, ...SCENES_3D].sort());
    expect(Object.keys(groups(result))).toHaveLength(2);
  });

  it('speaks Japanese, quoting each task', async () => {
    const result = await list('点群', 'ja');
    expect(result.reply.title).toBe('3D物体、3Dシーンのデータセット');
    expect(result.reply.text).toBe('サーベイで「3D物体」または「3Dシーン」に分類されるデータセットは 6 件です（タスクごとに表示）。');
    expect(Object.keys(groups(result))).toEqual(['3D物体', '3Dシーン']);
  });

  it('groups a parent task by its sub-tasks, with the figures for each', async () => {
    const result = await list('segmentation');
    const byTask = groups(result);
    expect(Object.keys(byTask)).toEqual(['Semantic segmentation', 'Instance segmentation']);
    expect(byTask['Semantic segmentation']).toEqual(expect.arrayContaining(['ADE20K', 'Cityscapes', 'SUN', 'SIFT Flow']));
    expect(byTask['Instance segmentation']).toEqual(expect.arrayContaining(['Open Images', 'MS COCO']));
    const instance = result.reply.fields?.find((field) => field.name.startsWith('Instance segmentation'))?.value ?? '';
    expect(instance).toMatch(/Open Images \(2016\) — V6 · 350 classes · 2,785,498 masks/); // its instance figures, not classification
  });

  it('groups text corpora by language modelling and translation', async () => {
    const byTask = groups(await list('コーパス', 'ja'));
    expect(byTask).toEqual({ 言語モデリング: ['Wiki-40B'], 機械翻訳: ['WMT'] });
  });

  it('keeps a single task a single group', async () => {
    const result = await list('detection');
    expect(Object.keys(groups(result))).toEqual(['Object detection']);
    expect(groups(await list('3d objects'))).toEqual({ '3D objects': OBJECTS_3D });
    expect(groups(await list('indoor scene'))).toEqual({ '3D scenes': SCENES_3D });
  });

  it('still shows one dataset for its name, and still asks when a dataset ties with a task', async () => {
    expect((await run(app, '/dataset kitti')).reply.kind).toBe('dataset');
    // "image" starts ImageNet as much as any task name: a choice, not a family.
    const image = await run(app, '/dataset image');
    expect(image.reply.ephemeral).toBe(true);
    expect(image.reply.title).toBe('Several entries match "image". Pick one:');
  });
});
