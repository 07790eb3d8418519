declare module 'dynalite' {
  import type { Server } from 'node:http';

  type DynaliteOptions = {
    readonly createTableMs?: number;
    readonly deleteTableMs?: number;
    readonly updateTableMs?: number;
    readonly maxItemSizeKb?: number;
    readonly path?: string;
  };

  function dynalite(options?: DynaliteOptions): Server;
  export = dynalite;
}
