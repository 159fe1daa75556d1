import type { Command } from '../src/core/command.js';
import type { Reply } from '../src/core/reply.js';
import { UserError } from '../src/core/errors.js';
import { placeKey } from '../src/core/invocation.js';
import { canonicalTimeZone, isTimeZone } from '../src/core/timezone.js';
import { suggestTimeZones } from '../src/core/timezone-suggest.js';
import { isLang, translator } from '../src/i18n/index.js';
import type { PlaceSettings } from '../src/store/settings.js';

/**
 * /settings [language] [timezone]: with no option shows this place's
 * settings; with options validates all of them first, then saves — a bad
 * value changes nothing.
 */
export default {
  name: 'settings',
  description: 'cmd.settings.description',
  example: 'cmd.settings.example',
  managesPlace: true,
  options: [
    {
      name: 'language',
      type: 'string',
      description: 'cmd.settings.language',
      maxLength: 10,
      choices: [
        { value: 'ja', label: '日本語' },
        { value: 'en', label: 'English' },
      ],
    },
    { name: 'timezone', type: 'string', description: 'cmd.settings.timezone', maxLength: 64, autocomplete: 'timezone' },
  ],
  execute(options, context): Reply {
    const { settings, place, defaults } = context;
    const key = placeKey(place);
    const change: PlaceSettings = {};
    if (options.language !== undefined) {
      const language = String(options.language);
      if (!isLang(language)) throw new UserError('error.badLanguage', { value: language });
      change.language = language;
    }
    if (options.timezone !== undefined) {
      const zone = String(options.timezone);
      if (!isTimeZone(zone)) throw new UserError('error.badTimezone', { value: zone }, suggestTimeZones(zone));
      change.timezone = canonicalTimeZone(zone);
    }
    const changed = Object.keys(change).length > 0;
    const current = changed ? settings.update(key, change) : settings.get(key);
    // Answer in the language just chosen, so the change is visible at once.
    const t = translator(current.language ?? context.lang, context.naming);
    const show = (value: string | undefined, fallback: string) => value ?? t('settings.default', { value: fallback });
    return {
      kind: 'settings',
      title: t('settings.title'),
      text: changed ? t('settings.saved') : t('settings.current'),
      fields: [
        { name: t('field.language'), value: show(current.language, defaults.lang), inline: true },
        { name: t('field.timezone'), value: show(current.timezone, defaults.timezone), inline: true },
      ],
    };
  },
} satisfies Command;
