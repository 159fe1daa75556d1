import type { Command, CommandOption, OptionValue } from './command.js';
import { UserError } from './errors.js';
import { cleanText, charLength } from './text.js';
import { pagingQueryOverflow } from './paging.js';

export type ValidOptions = Record<string, OptionValue | undefined>;

/**
 * Checks raw option values against a command's definition and returns clean
 * values. Every problem is a UserError that names the option and shows an
 * example, so bad input never reaches a command.
 */
export function validateOptions(
  command: Command,
  raw: Readonly<Record<string, OptionValue | undefined>>,
  exampleText: string,
): ValidOptions {
  const known = new Map(command.options.map((option) => [option.name, option]));
  for (const name of Object.keys(raw)) {
    if (raw[name] !== undefined && !known.has(name)) {
      throw new UserError('error.unknownOption', {
        command: command.name,
        option: name,
        options: command.options.map((o) => o.name).join(', ') || '—',
      });
    }
  }
  const valid: ValidOptions = {};
  for (const option of command.options) {
    valid[option.name] = validateOne(command, option, raw[option.name], exampleText);
  }
  checkPagingQuery(command, valid);
  return valid;
}

/**
 * A paged command's first option rides in its page buttons' ids, which
 * Discord measures in UTF-16 units; a query that cannot fit there is refused
 * now rather than shown as "page 1 of 2" with no way to page 2.
 */
function checkPagingQuery(command: Command, valid: ValidOptions): void {
  const first = command.options[0];
  const value = first && valid[first.name];
  if (!command.paged || !first || typeof value !== 'string') return;
  const overflow = pagingQueryOverflow(command.name, value);
  if (overflow) throw new UserError('error.tooLongToPage', { option: first.name, units: overflow.units, max: overflow.max });
}

function validateOne(
  command: Command,
  option: CommandOption,
  value: OptionValue | undefined,
  example: string,
): string | undefined {
  if (value === undefined || value === '') {
    if (option.required) throw new UserError('error.missingOption', { command: command.name, option: option.name, example });
    return undefined;
  }
  return validateString(option, String(value), example);
}

function validateString(option: CommandOption, raw: string, example: string): string | undefined {
  const text = cleanText(raw);
  if (text === '') {
    if (option.required) throw new UserError('error.emptyText', { option: option.name, example });
    return undefined;
  }
  const max = option.maxLength;
  if (max !== undefined && charLength(text) > max) {
    throw new UserError('error.tooLong', { option: option.name, length: charLength(text), max });
  }
  if (option.choices) {
    const choice = option.choices.find((c) => c.value.toLowerCase() === text.toLowerCase());
    if (!choice) throw new UserError('error.badChoice', { option: option.name, choices: option.choices.map((c) => c.value).join(', ') });
    return choice.value;
  }
  return text;
}
