import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { dispatch, resolveLang, type DispatchResult, type DispatchServices } from '../../core/dispatch.js';
import { reportPosted } from '../../core/posted.js';
import type { Invocation } from '../../core/invocation.js';
import { placeKey } from '../../core/invocation.js';
import { pageButtonTarget, parsePageButton } from '../../core/paging.js';
import { privateError } from '../../core/reply.js';
import { translator, type Lang } from '../../i18n/index.js';
import { autocompleteChoices } from './autocomplete.js';
import { commandInput, invocationOf, mayRun, placeOf } from './invocation.js';
import { pressButton } from '../../core/buttons.js';
import { resolvedCommand } from '../../core/subcommands.js';
import { renderReply, type DiscordMessage } from './render.js';
import { answerInTime, replyOptions } from './respond.js';

/**
 * Routes one interaction to its handler. Whatever goes wrong — in dispatch,
 * rendering or a REST call — the user gets an answer, never Discord's
 * "The application did not respond".
 */
export async function handleInteraction(interaction: Interaction, services: DispatchServices): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await onCommand(interaction, services);
    else if (interaction.isButton()) await onButton(interaction, services);
    else if (interaction.isAutocomplete()) await onAutocomplete(interaction, services);
  } catch (error) {
    services.logger.error({ err: error, interaction: interaction.id, type: interaction.type }, 'discord interaction failed');
    if (interaction.isChatInputCommand() || interaction.isButton()) await apologise(interaction, services);
  }
}

async function onCommand(interaction: ChatInputCommandInteraction, services: DispatchServices): Promise<void> {
  const input = commandInput(interaction.options.data);
  const invocation = { ...invocationOf(interaction, interaction.commandName, input.options), ...(input.subcommand ? { subcommand: input.subcommand } : {}) };
  await run(interaction, invocation, services, 'reply');
}

/** A paging button re-runs its command for the wanted page; nothing in the id is trusted beyond that. */
async function onButton(interaction: ButtonInteraction, services: DispatchServices): Promise<void> {
  const pressed = await pressButton(
    { id: interaction.customId, actor: invocationOf(interaction, '', {}).actor, place: placeOf(interaction), locale: interaction.locale },
    services,
  );
  if (pressed) {
    // Answers to posted rounds are private; the round's own message is edited by the quiz with the live count.
    await interaction.reply(replyOptions(firstOf(renderReply({ ...pressed.reply, ephemeral: true }))));
    return;
  }
  const target = pageButtonTarget(interaction.customId, services.registry);
  if (!target) {
    const invocation = invocationOf(interaction, '', {});
    const lang = resolveLang(invocation, services);
    const stale = privateError(translator(lang)('error.unknownButton'));
    await interaction.reply(replyOptions(firstOf(renderReply(stale))));
    return;
  }
  // The list keeps the language it was shown in, whoever presses the button.
  const invocation = {
    ...invocationOf(interaction, target.command, target.options, target.page),
    ...(target.subcommand ? { subcommand: target.subcommand } : {}),
    ...(target.lang ? { lang: target.lang } : {}),
  };
  await run(interaction, invocation, services, 'update');
}

async function run(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  invocation: Invocation,
  services: DispatchServices,
  how: 'reply' | 'update',
): Promise<void> {
  const command = resolvedCommand(services, invocation);
  if (!mayRun(command, interaction, invocation.options)) {
    const lang = resolveLang(invocation, services);
    const denied = privateError(translator(lang)('error.needManageServer', { command: command?.name ?? invocation.command }));
    services.logger.info({ command: invocation.command, place: placeKey(invocation.place), actor: invocation.actor.id }, 'denied: needs Manage Server');
    await interaction.reply(replyOptions(firstOf(renderReply(denied))));
    return;
  }
  let answered: DispatchResult | undefined;
  const work = dispatch(invocation, services).then((result) => ((answered = result), renderReply(result.reply)));
  const tracked = () => Boolean(answered?.reply.track) && !answered?.reply.ephemeral;
  const messageId = await answerInTime(interaction, work, how, { wantMessageId: tracked });
  // A tracked card (the /reading add confirmation) is edited later through the channel, with its id.
  if (messageId && answered && tracked()) await reportPosted(services, answered.reply, invocation.place, messageId);
}

async function onAutocomplete(interaction: AutocompleteInteraction, services: DispatchServices): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const command = services.registry.get(interaction.commandName);
  const verb = command?.subcommands ? interaction.options.getSubcommand(false) : null;
  const options = verb ? command?.subcommands?.find((s) => s.name === verb)?.options : command?.options;
  const option = options?.find((o) => o.name === focused.name);
  if (!option?.autocomplete) {
    await interaction.respond([]);
    return;
  }
  const lang = resolveLang(invocationOf(interaction, interaction.commandName, {}), services);
  await interaction.respond(autocompleteChoices(option.autocomplete, String(focused.value), lang, services));
}

/** The last resort when our own code failed: a short private apology, sent however the interaction still allows. */
async function apologise(interaction: ChatInputCommandInteraction | ButtonInteraction, services: DispatchServices): Promise<void> {
  try {
    const command = interaction.isChatInputCommand() ? interaction.commandName : (parsePageButton(interaction.customId)?.command ?? '?');
    const lang: Lang = resolveLang(invocationOf(interaction, command, {}), services);
    const sorry = replyOptions(firstOf(renderReply(privateError(translator(lang)('error.internal', { command })))));
    if (!interaction.deferred && !interaction.replied) await interaction.reply(sorry);
    else await interaction.followUp({ ...sorry, flags: MessageFlags.Ephemeral });
  } catch (error) {
    services.logger.error({ err: error, interaction: interaction.id }, 'could not even apologise on Discord');
  }
}

function firstOf(messages: DiscordMessage[]): DiscordMessage {
  const [head] = messages;
  if (!head) throw new Error('renderReply returned no message');
  return head;
}
