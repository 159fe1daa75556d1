import type { Command, CommandOption } from '../src/core/command.js';
import type { Reply } from '../src/core/reply.js';
import { UserError } from '../src/core/errors.js';
import { closestNames } from '../src/core/closest.js';
import { usageLine } from '../src/core/usage.js';
import { asCommand } from '../src/core/subcommands.js';
import { translateDynamic, type CommandNaming, type Lang, type Translate } from '../src/i18n/index.js';

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
    const [wanted = '', verb] = String(options.command).replace(/^\//, '').toLowerCase().split(/\s+/);
    const command = commands.find((c) => c.name === wanted);
    if (!command) {
      const names = commands.map((c) => c.name);
      const suggestions = closestNames(wanted, names).map((n) => `${naming.slash('help')} ${n}`);
      throw new UserError('error.unknownCommand', { name: wanted }, suggestions);
    }
    if (command.subcommands) return verbsHelp(command, verb, { t, lang, typed, naming });
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

/** /help quiz: every verb with its usage and what it does; /help quiz schedule: that verb in full. */
function verbsHelp(command: Command, verb: string | undefined, { t, lang, typed, naming }: { t: Translate; lang: Lang; typed: boolean; naming: CommandNaming }): Reply {
  const verbs = (command.subcommands ?? []).map((sub) => asCommand(command, sub));
  const one = verb ? verbs.find((v) => v.name === `${command.name} ${verb}`) : undefined;
  if (one) {
    return {
      kind: 'help',
      title: t('help.commandTitle', { command: one.name }),
      text: translateDynamic(lang, one.description),
      fields: [
        { name: t('field.usage'), value: usageLine(one, typed, naming.slash) },
        ...one.options.map((option) => ({ name: optionLabel(option), value: optionHelp(option, lang) })),
        { name: t('field.examples'), value: example(one, lang, naming) },
      ],
    };
  }
  return {
    kind: 'help',
    title: t('help.commandTitle', { command: command.name }),
    text: translateDynamic(lang, command.description),
    fields: [
      ...verbs.map((v) => ({ name: usageLine(v, typed, naming.slash), value: translateDynamic(lang, v.description) })),
      { name: t('field.examples'), value: verbs.map((v) => example(v, lang, naming)).join('\n') },
    ],
  };
}

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
