import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Reply } from '../../core/reply.js';
import type { Translate } from '../../i18n/index.js';

/**
 * The terminal has no uploads: a reply's files (a calendar) are written into
 * the folder the command was run from — where a person looks for them — and
 * their paths printed, ready to import.
 */
export function writeAttachments(reply: Reply, t: Translate, dir: string = process.cwd()): string[] {
  return (reply.attachments ?? []).map((file) => {
    // Only the base name is used, so a file's name can never point outside the folder.
    const path = join(dir, basename(file.name));
    writeFileSync(path, file.content, 'utf8');
    return t('console.fileWritten', { path });
  });
}
