import { afterAll, describe, expect, it } from 'vitest';
import { run, testApp } from '../helpers/app.js';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render.js';
import { renderReply as renderSlack } from '../../src/adapters/slack/render.js';
import { ANSI, renderText } from '../../src/adapters/console/render.js';
import { autocompleteChoices } from '../../src/adapters/discord/autocomplete.js';
import { completeLine } from '../../src/adapters/console/complete.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { CommandRegistry } from '../../src/core/registry.js';
import { allCommands } from '../../src/app.js';

const commands = allCommands();

/** /search, /model, /dataset and completion with a description instead of a name (issue 16). */
const app = testApp();
afterAll(() => app.close());

describe('/search with a description', () => {
  it('shows the best match first, with the note sentence that matched', async () => {
    const { reply, status } = await run(app, '/search the NeRF with thousands of tiny MLPs');
    expect(status).toBe('ok');
    const best = reply.fields?.[0];
    expect(best?.name).toMatch(/^Best match: KiloNeRF/);
    expect(best?.value).toMatch(/thousands of tiny MLPs/);
    expect(best?.bold?.map(([start, end]) => best.value.slice(start, end))).toEqual(['thousands', 'tiny', 'MLPs']);
  });

  it('renders the matched words bold on Discord, Slack and the console, and plain in plain text', async () => {
    const { reply } = await run(app, '/search the NeRF with thousands of tiny MLPs');
    const discord = JSON.stringify(renderDiscord(reply)[0]!.embeds);
    expect(discord).toContain('**thousands** of **tiny** **MLPs**');
    const slack = JSON.stringify(renderSlack(reply));
    expect(slack).toContain('*thousands* of *tiny* *MLPs*');
    expect(renderText(reply, ANSI)).toContain('\u001b[1mthousands\u001b[22m of \u001b[1mtiny\u001b[22m');
    expect(renderText(reply)).toContain('thousands of tiny MLPs');
  });

  it('keeps user-looking markup in a bold excerpt escaped', () => {
    const reply = { kind: 'list' as const, fields: [{ name: 'n', value: '**x** @everyone', bold: [[0, 5]] as [number, number][] }] };
    const discord = renderDiscord(reply)[0]!.embeds[0]!.fields![0]!.value;
    expect(discord).toBe('**\\*\\*x\\*\\*** @\u200beveryone');
    const slack = JSON.stringify(renderSlack(reply));
    expect(slack).not.toContain('@everyone');
  });

  it('finds a Japanese description through the Japanese notes', async () => {
    const { reply } = await run(app, '/search 肺の結節をCTで見つける', 'ja');
    expect(reply.fields?.[0]?.name).toMatch(/LUNA16/);
  });
});

describe('/model and /dataset with a description', () => {
  it('answers with the entry when it is clearly ahead, showing why', async () => {
    const { reply, status } = await run(app, '/model randomly skip layers during training');
    expect(status).toBe('ok');
    expect(reply.title).toMatch(/Stochastic Depth/);
    expect(reply.fields?.[0]?.name).toBe('Found through its note:');
    expect(reply.fields?.[0]?.bold?.length).toBeGreaterThan(0);
  });

  it('lists the top three as "did you mean" when no entry is clearly ahead', async () => {
    const { reply } = await run(app, '/model neural radiance field acceleration');
    expect(reply.title).toBe('No name matches "neural radiance field acceleration". From what the notes say, did you mean:');
    expect(reply.ephemeral).toBe(true);
    expect(reply.fields?.map((field) => field.value)).toEqual(['/model NeRF', '/model KiloNeRF', '/model iNeRF']);
  });

  it('does the same for datasets', async () => {
    const alone = await run(app, '/dataset lung nodules in CT');
    expect(alone.reply.title).toMatch(/LUNA16/);
    expect(alone.reply.fields?.[0]?.name).toBe('Found through its note:');
    const close = await run(app, '/dataset chest x-ray images with reports');
    expect(close.reply.title).toMatch(/did you mean/);
    expect(close.reply.fields?.map((field) => field.value)).toContain('/dataset PadChest');
  });
});

describe('completion ranks descriptions the same way', () => {
  it('offers the entry a description matches, on Discord and in the console', () => {
    const services = { catalog: loadCatalog('data/catalog'), registry: new CommandRegistry(commands) };
    expect(autocompleteChoices('model', 'thousands of tiny mlps', 'en', services)[0]?.value).toBe('KiloNeRF');
    const [lines] = completeLine('/model thousands of tiny mlps', services);
    expect(lines[0]).toBe('/model KiloNeRF');
  });
});
