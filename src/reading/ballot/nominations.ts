import { cleanName } from '../../core/text.js';
import type { Db } from '../../store/db.js';
import type { PaperRef } from '../paper.js';

export type NominationState = 'open' | 'chosen' | 'withdrawn';

/** One person's candidate for a channel's next reading. */
export interface Nomination {
  id: number;
  channelKey: string;
  paper: PaperRef;
  note?: string;
  nominatedBy: string;
  nominatorName: string;
  nominatedAt: Date;
  state: NominationState;
}

export type NewNomination = Pick<Nomination, 'channelKey' | 'paper' | 'nominatedBy' | 'nominatorName' | 'nominatedAt'> & { note?: string | undefined };

interface Row {
  id: number;
  channel_key: string;
  paper: string;
  note: string | null;
  nominated_by: string;
  nominator_name: string;
  nominated_at: string;
  state: NominationState;
}

/**
 * Nominations: UNIQUE (channel, paper, nominator) is the "once per person"
 * rule even when two presses race; a withdrawn one may be nominated again,
 * which reopens the same row.
 */
export class NominationStore {
  private readonly insert;
  private readonly byId;
  private readonly openIn;
  private readonly openPaper;
  private readonly withdrawRow;
  private readonly chooseRow;

  constructor(private readonly db: Db) {
    this.insert = db.prepare<Record<string, string | null>, { id: number }>(
      `INSERT INTO reading_nominations (channel_key, paper, note, nominated_by, nominator_name, nominated_at, state)
       VALUES (@channel_key, @paper, @note, @nominated_by, @nominator_name, @nominated_at, 'open')
       ON CONFLICT (channel_key, paper, nominated_by) DO UPDATE
         SET state = 'open', note = excluded.note, nominator_name = excluded.nominator_name, nominated_at = excluded.nominated_at, chosen_in = NULL
         WHERE reading_nominations.state = 'withdrawn'
       RETURNING id`,
    );
    this.byId = db.prepare<[number], Row>('SELECT * FROM reading_nominations WHERE id = ?');
    // Earliest first: the ballot's order and the tie-break both follow it.
    this.openIn = db.prepare<[string], Row>("SELECT * FROM reading_nominations WHERE channel_key = ? AND state = 'open' ORDER BY nominated_at, id");
    this.openPaper = db.prepare<[string, string], Row>("SELECT * FROM reading_nominations WHERE channel_key = ? AND paper = ? AND state = 'open' ORDER BY nominated_at, id LIMIT 1");
    this.withdrawRow = db.prepare<[number]>("UPDATE reading_nominations SET state = 'withdrawn' WHERE id = ? AND state = 'open'");
    this.chooseRow = db.prepare<[number, number]>("UPDATE reading_nominations SET state = 'chosen', chosen_in = ? WHERE id = ? AND state = 'open'");
  }

  /** Runs `work` in one IMMEDIATE transaction (check, then write, with no one in between). */
  immediate<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** The new (or reopened) nomination's id; undefined when this person already nominated the paper here. */
  add(nomination: NewNomination): number | undefined {
    const row = this.insert.get({
      channel_key: nomination.channelKey,
      paper: nomination.paper,
      note: nomination.note ?? null,
      nominated_by: nomination.nominatedBy,
      nominator_name: nomination.nominatorName,
      nominated_at: nomination.nominatedAt.toISOString(),
    });
    return row?.id;
  }

  get(id: number): Nomination | undefined {
    const row = this.byId.get(id);
    return row && fromRow(row);
  }

  open(channelKey: string): Nomination[] {
    return this.openIn.all(channelKey).map(fromRow);
  }

  /** The open candidate for a paper in a channel, whoever nominated it. */
  openFor(channelKey: string, paper: PaperRef): Nomination | undefined {
    const row = this.openPaper.get(channelKey, paper);
    return row && fromRow(row);
  }

  withdraw(id: number): boolean {
    return this.withdrawRow.run(id).changes === 1;
  }

  markChosen(id: number, ballotId: number): void {
    this.chooseRow.run(ballotId, id);
  }
}

function fromRow(row: Row): Nomination {
  return {
    id: row.id,
    channelKey: row.channel_key,
    paper: row.paper,
    ...(row.note ? { note: row.note } : {}),
    nominatedBy: row.nominated_by,
    nominatorName: cleanName(row.nominator_name, row.nominated_by),
    nominatedAt: new Date(row.nominated_at),
    state: row.state,
  };
}
