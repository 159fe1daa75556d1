/**
 * Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 * A message over any of them is rejected whole with a 400, so the renderer
 * splits before sending instead of hoping.
 */
export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title, description, field names and values, footer — summed over every embed of one message. */
  messageEmbedText: 6000,
  embedsPerMessage: 10,
  buttonsPerRow: 5,
  rows: 5,
  /** In UTF-16 code units, as discord.js checks it (String#length); an emoji is two. */
  customId: 100,
  buttonLabel: 80,
  linkUrl: 512,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
