/** A (service, usage type) pair, as the log first saw it. */
export type LoggedMeter = { readonly service: string; readonly usageType: string };

const NO_METER = -1;
const FIRST_CAPACITY = 1024;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Mixed in between a meter's service and usage type. */
const KEY_SEPARATOR = 0x7c;
const LAST_ASCII = 0x7f;

/**
 * Numbers meters in order of first sight, found by their service and
 * usage type given as text or as the bytes of two JSON strings. Both ways
 * hash the same character codes, so a meter first seen as text is found
 * again from bytes. A wide account has tens of thousands of meters, and
 * each of its rows is looked up: the keys of ASCII meters are also kept
 * side by side in one buffer, so that checking a match from bytes reads
 * one place in memory rather than two strings somewhere on the heap.
 */
export class MeterKeys {
  readonly meters: LoggedMeter[] = [];

  /** The first meter of each hash; the others with that hash follow in `sameHash`. */
  private readonly byHash = new Map<number, number>();
  private sameHash = new Int32Array(FIRST_CAPACITY).fill(NO_METER);
  /** Service then usage type of each ASCII meter, at `keyAt`; -1 for a meter that is not ASCII. */
  private keyBytes = new Uint8Array(FIRST_CAPACITY * 64);
  private keyAt = new Int32Array(FIRST_CAPACITY);
  private serviceLength = new Int32Array(FIRST_CAPACITY);
  private keyLength = new Int32Array(FIRST_CAPACITY);
  private keyEnd = 0;

  /** The meter of a service and usage type, numbered now when new. */
  ofText(service: string, usageType: string): number {
    const hash = smallInteger(hashText(hashText(FNV_OFFSET, service) ^ KEY_SEPARATOR, usageType));
    for (let meter = this.byHash.get(hash) ?? NO_METER; meter !== NO_METER; ) {
      const known = this.meters[meter] as LoggedMeter;
      if (known.usageType === usageType && known.service === service) return meter;
      meter = this.sameHash[meter] as number;
    }
    return this.add(hash, service, usageType);
  }

  /**
   * `ofText` for keys given as bytes, the service from `service` to before
   * `serviceEnd`, the usage type likewise. The bytes must be ASCII with no
   * escapes, so that each byte is one character.
   */
  ofBytes(
    bytes: Uint8Array,
    service: number,
    serviceEnd: number,
    usage: number,
    usageEnd: number,
  ): number {
    const known = this.findBytes(bytes, service, serviceEnd, usage, usageEnd);
    if (known !== NO_METER) return known;
    const hash = hashOfBytes(bytes, service, serviceEnd, usage, usageEnd);
    return this.add(hash, ascii(bytes, service, serviceEnd), ascii(bytes, usage, usageEnd));
  }

  /** The meter `ofBytes` would give, if it has been seen; -1 if not. Numbers nothing. */
  findBytes(
    bytes: Uint8Array,
    service: number,
    serviceEnd: number,
    usage: number,
    usageEnd: number,
  ): number {
    const hash = hashOfBytes(bytes, service, serviceEnd, usage, usageEnd);
    for (let meter = this.byHash.get(hash) ?? NO_METER; meter !== NO_METER; ) {
      if (this.hasKey(meter, bytes, service, serviceEnd, usage, usageEnd)) return meter;
      meter = this.sameHash[meter] as number;
    }
    return NO_METER;
  }

  private hasKey(
    meter: number,
    bytes: Uint8Array,
    service: number,
    serviceEnd: number,
    usage: number,
    usageEnd: number,
  ): boolean {
    const serviceLength = serviceEnd - service;
    const at = this.keyAt[meter] as number;
    if (at < 0 || this.serviceLength[meter] !== serviceLength) return false;
    if (this.keyLength[meter] !== serviceLength + usageEnd - usage) return false;
    const keys = this.keyBytes;
    for (let index = 0; index < serviceLength; index++) {
      if (keys[at + index] !== bytes[service + index]) return false;
    }
    const usageAt = at + serviceLength - usage;
    for (let index = usage; index < usageEnd; index++) {
      if (keys[usageAt + index] !== bytes[index]) return false;
    }
    return true;
  }

  private add(hash: number, service: string, usageType: string): number {
    const meter = this.meters.length;
    this.meters.push({ service, usageType });
    if (meter === this.sameHash.length) this.growMeters();
    this.sameHash[meter] = this.byHash.get(hash) ?? NO_METER;
    this.byHash.set(hash, meter);
    this.keepKey(meter, service, usageType);
    return meter;
  }

  private keepKey(meter: number, service: string, usageType: string): void {
    const key = service + usageType;
    if (!isAscii(key)) {
      this.keyAt[meter] = -1;
      return;
    }
    while (this.keyEnd + key.length > this.keyBytes.length) {
      const bigger = new Uint8Array(this.keyBytes.length * 2);
      bigger.set(this.keyBytes);
      this.keyBytes = bigger;
    }
    for (let index = 0; index < key.length; index++) {
      this.keyBytes[this.keyEnd + index] = key.charCodeAt(index);
    }
    this.keyAt[meter] = this.keyEnd;
    this.serviceLength[meter] = service.length;
    this.keyLength[meter] = key.length;
    this.keyEnd += key.length;
  }

  private growMeters(): void {
    const length = this.sameHash.length * 2;
    this.sameHash = resized(this.sameHash, length, NO_METER);
    this.keyAt = resized(this.keyAt, length, 0);
    this.serviceLength = resized(this.serviceLength, length, 0);
    this.keyLength = resized(this.keyLength, length, 0);
  }
}

/** The hash in 30 bits: V8 keeps such numbers unboxed, and maps find them faster. */
function smallInteger(hash: number): number {
  return hash & 0x3fffffff;
}

function hashOfBytes(
  bytes: Uint8Array,
  service: number,
  serviceEnd: number,
  usage: number,
  usageEnd: number,
): number {
  const serviceHash = hashBytes(FNV_OFFSET, bytes, service, serviceEnd);
  return smallInteger(hashBytes(serviceHash ^ KEY_SEPARATOR, bytes, usage, usageEnd));
}

/** FNV-1a, on from `hash`, over the character codes of `text`. */
function hashText(hash: number, text: string): number {
  let mixed = hash;
  for (let index = 0; index < text.length; index++) {
    mixed = Math.imul(mixed ^ text.charCodeAt(index), FNV_PRIME);
  }
  return mixed;
}

/** `hashText` over bytes: the same hash as the text they spell, when they are ASCII. */
function hashBytes(hash: number, bytes: Uint8Array, start: number, end: number): number {
  let mixed = hash;
  for (let index = start; index < end; index++) {
    mixed = Math.imul(mixed ^ (bytes[index] as number), FNV_PRIME);
  }
  return mixed;
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) > LAST_ASCII) return false;
  }
  return true;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}

function resized(column: Int32Array<ArrayBuffer>, length: number, fill: number) {
  const bigger = new Int32Array(length).fill(fill);
  bigger.set(column);
  return bigger;
}
