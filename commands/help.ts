import type { Command, CommandOption } from '../src/core/command.js';
import type { Reply } from '../src/core/reply.js';
import { UserError } from '../src/core/errors.js';
import { closestNames } from '../src/core/closest.js';
import { usageLine } from '../src/core/usage.js';
import { translateDynamic, type CommandNaming, type Lang } from '../src/i18n/index.js';

/** /help [command]: every command at a glance, or one command's options and an example. */
export default {
  name: 'help',
  description: 'cmd.help.description',
  example: 'cmd.help.example',
  options: [{ name: 'command', type: 'string', description: 'cmd.help.command', maxLength: 40, autocomplete: 'command' }],
  execute(options, { t, lang, commands, place, naming }): Reply {
    // Discord pages with buttons only; typed front ends also accept page:N.
    const typed = place.platform !== 'discord';
    if (options.command === undefined) {
      return {
        kind: 'help',
        title: t('help.title'),
        text: t('help.intro'),
        fields: commands.map((command) => ({ name: usageLine(command, typed, naming.slash), value: translateDynamic(lang, command.description) })),
        footer: t('help.more'),
      };
    }
    const wanted = String(options.command).replace(/^\//, '').toLowerCase();
    const command = commands.find((c) => c.name === wanted);
    if (!command) {
      const names = commands.map((c) => c.name);
      const suggestions = closestNames(wanted, names).map((n) => `${naming.slash('help')} ${n}`);
      throw new UserError('error.unknownCommand', { name: wanted }, suggestions);
    }
    return {
      kind: 'help',
      title: t('help.commandTitle', { command: command.name }),
      text: translateDynamic(lang, command.description),
      fields: [
        { name: t('field.usage'), value: usageLine(command, typed, naming.slash) },
        ...command.options.map((option) => ({ name: optionLabel(option), value: optionHelp(option, lang) })),
        { name: t('field.examples'), value: example(command, lang, naming) },
      ],
    };
  },
} satisfies Command;

/** <required> or [optional], as in the usage line. */
function optionLabel(option: CommandOption): string {
  return option.required ? `<${option.name}>` : `[${option.name}]`;
}

function optionHelp(option: CommandOption, lang: Lang): string {
  const text = translateDynamic(lang, option.description);
  return option.choices ? `${text} (${option.choices.map((c) => c.value).join(' | ')})` : text;
}

/** Examples are written with plain "/name"s; the naming turns them into what works here. */
function example(command: Command, lang: Lang, naming: CommandNaming): string {
  return translateDynamic(lang, command.example, undefined, naming);
}
