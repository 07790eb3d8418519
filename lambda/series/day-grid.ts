/** Meters per block of a day's row; a power of two, so the block is `meter >> BLOCK_BITS`. */
const BLOCK_BITS = 12;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK_SIZE - 1;

/**
 * One block of meters on one day. NaN marks a meter-day not set: amounts
 * are checked to be numbers before they get here. Plain arrays rather than
 * typed ones on purpose: typed arrays live outside the JavaScript heap, and
 * V8 answers that "external memory" with a full collection of the heap,
 * which holds every page of the capture (over a second for a large one).
 */
type Block = { readonly cost: number[]; readonly usage: number[] };

function newBlock(): Block {
  return {
    cost: new Array<number>(BLOCK_SIZE).fill(Number.NaN),
    usage: new Array<number>(BLOCK_SIZE).fill(Number.NaN),
  };
}

/** What a meter-day holds: its number, or 0 when it was never set. */
function valueAt(values: readonly number[], slot: number): number {
  const value = values[slot] as number;
  return Number.isNaN(value) ? 0 : value;
}

/**
 * Cost and usage of every meter on every day, stored day by day: a row of
 * meters per day, in blocks added as meters appear (never copied). Cost
 * Explorer lists a day's groups in the same order every day, so writing a
 * page walks each row in order, where one array per meter would be written
 * all over memory. `columnOf` turns a meter's column into its series.
 */
export class DayGrid {
  /** `rows[day][block]`. */
  private readonly rows: Block[][];

  constructor(private readonly days: number) {
    this.rows = Array.from({ length: days }, () => []);
  }

  /** Makes room for meters numbered below `meters`. */
  reserve(meters: number): void {
    const blocks = (meters + IN_BLOCK) >> BLOCK_BITS;
    for (const row of this.rows) while (row.length < blocks) row.push(newBlock());
  }

  /** Sets one meter-day; false, and nothing set, when that meter-day was set before. */
  set(meter: number, day: number, cost: number, usage: number): boolean {
    const block = (this.rows[day] as Block[])[meter >> BLOCK_BITS] as Block;
    const slot = meter & IN_BLOCK;
    if (!Number.isNaN(block.cost[slot])) return false;
    block.cost[slot] = cost;
    block.usage[slot] = usage;
    return true;
  }

  /** A meter's daily cost and usage as plain arrays, one entry per day, 0 where unset. */
  columnOf(meter: number): { cost: number[]; usage: number[] } {
    const cost: number[] = [];
    const usage: number[] = [];
    const index = meter >> BLOCK_BITS;
    const slot = meter & IN_BLOCK;
    for (let day = 0; day < this.days; day++) {
      const block = (this.rows[day] as Block[])[index] as Block;
      cost.push(valueAt(block.cost, slot));
      usage.push(valueAt(block.usage, slot));
    }
    return { cost, usage };
  }
}
