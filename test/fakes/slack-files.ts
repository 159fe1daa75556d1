import type { Handler, Recorded } from './slack.js';

/** A file as the fake Web API keeps it: asked for, uploaded, then shared (or not). */
export interface FakeFile {
  id: string;
  filename: string;
  /** The length files.getUploadURLExternal was told. */
  length: number;
  upload?: Recorded;
  /** Set by files.completeUploadExternal: where it was shared (none: private to the uploader). */
  completed?: { channel?: string; title?: string };
}

/**
 * Slack's two-step upload as files.uploadV2 drives it:
 * files.getUploadURLExternal answers an upload URL on this same fake
 * (127.0.0.1, `/upload/<file id>`), the client POSTs the bytes there, and
 * files.completeUploadExternal shares the file in `channel_id`.
 * conversations.open answers a DM channel `D<user>`. Spread `handlers` into slackApi.
 */
export class FakeSlackFiles {
  readonly files: FakeFile[] = [];

  readonly handlers: Record<string, Handler> = {
    'files.getUploadURLExternal': ({ body, headers }) => {
      const file: FakeFile = { id: `F${this.files.length + 1}`, filename: String(body.filename), length: Number(body.length) };
      this.files.push(file);
      return { ok: true, file_id: file.id, upload_url: `http://${headers.host}/upload/${file.id}` };
    },
    upload: (request) => {
      const file = this.files.find((f) => request.path === `/upload/${f.id}`);
      if (!file) return { ok: false, error: 'no such upload url' };
      file.upload = request;
      return { ok: true };
    },
    'files.completeUploadExternal': ({ body }) => {
      const listed = JSON.parse(String(body.files)) as { id: string; title?: string }[];
      const done = listed.map((entry) => {
        const file = this.files.find((f) => f.id === entry.id);
        if (!file?.upload) return undefined;
        file.completed = { ...(body.channel_id ? { channel: String(body.channel_id) } : {}), ...(entry.title ? { title: entry.title } : {}) };
        return { id: file.id, name: file.filename, title: entry.title, permalink: `https://files.example/${file.id}` };
      });
      if (done.includes(undefined)) return { ok: false, error: 'file_not_found' };
      return { ok: true, files: done };
    },
    'conversations.open': ({ body }) => ({ ok: true, channel: { id: `D${String(body.users)}` } }),
  };

  /** The bytes of a file's upload, read out of the multipart body the client sent. */
  async bytes(file: FakeFile): Promise<Buffer> {
    if (!file.upload) throw new Error(`${file.id} was never uploaded`);
    const form = await new Response(new Uint8Array(file.upload.raw), { headers: { 'content-type': String(file.upload.headers['content-type']) } }).formData();
    const part = [...form.values()].find((value) => typeof value !== 'string');
    if (!part || typeof part === 'string') throw new Error(`${file.id}'s upload carried no file part`);
    return Buffer.from(await part.arrayBuffer());
  }
}
