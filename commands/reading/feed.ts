import type { Subcommand } from '../../src/core/command.js';
import type { Reply } from '../../src/core/reply.js';
import type { ReadingServices } from '../../src/reading/feature.js';

/**
 * /reading feed [rotate]: a private address for this channel's calendar that
 * calendar apps subscribe to (edits, skips and cancellations follow); `rotate`
 * (managers) ends every earlier address of the channel.
 */
export const feed: Subcommand<ReadingServices> = {
  name: 'feed',
  description: 'cmd.reading.feed.description',
  example: 'cmd.reading.feed.example',
  // The creator-or-manager question: Slack asks the platform whether the actor is an admin.
  asksManager: true,
  options: [{ name: 'action', type: 'string', description: 'cmd.reading.feed.action', choices: [{ value: 'rotate', label: 'rotate' }] }],
  execute(options, { readingFeed, place, actor, lang, t }): Reply {
    const link = options.action === 'rotate' ? readingFeed.rotate(place, actor, lang) : readingFeed.link(place, actor, lang);
    if (link.kind === 'noPublicUrl') return { kind: 'reading', text: t('reading.feed.noPublicUrl'), ephemeral: true };
    return {
      kind: 'reading',
      title: t('reading.feed.title'),
      text: [...(link.rotated ? [t('reading.feed.rotated')] : []), t('reading.feed.intro')].join('\n\n'),
      fields: [
        { name: t('reading.feed.webcal'), value: link.webcal },
        { name: t('reading.feed.https'), value: link.https },
        { name: t('reading.feed.howto'), value: [t('reading.feed.google'), t('reading.feed.apple'), t('reading.feed.outlook')].join('\n') },
      ],
      ephemeral: true,
    };
  },
};
