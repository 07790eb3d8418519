/** A (service, usage type) pair, as the log first saw it. */
export type LoggedMeter = { readonly service: string; readonly usageType: string };

/**
 * Where a meter's keys are in some JSON bytes: the text of the service
 * string from `service` to before `serviceEnd`, the usage type's likewise.
 * The text must be ASCII with no escapes, so that each byte is one
 * character. Readers reuse one, as they look up a meter per row.
 */
export type KeyBytes = {
  bytes: Uint8Array;
  service: number;
  serviceEnd: number;
  usageType: number;
  usageTypeEnd: number;
};

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

  /**
   * An open-addressing table of meters by hash: slot `i` holds a meter
   * plus one (0 when empty) and that meter's hash, for a quick miss.
   */
  private slots = new Int32Array(FIRST_CAPACITY * 2);
  private slotHashes = new Int32Array(FIRST_CAPACITY * 2);
  private hashes = new Int32Array(FIRST_CAPACITY);
  /** Service then usage type of each ASCII meter, at `keyAt`; -1 for a meter that is not ASCII. */
  private keyBytes = new Uint8Array(FIRST_CAPACITY * 64);
  private keyAt = new Int32Array(FIRST_CAPACITY);
  private serviceLength = new Int32Array(FIRST_CAPACITY);
  private keyLength = new Int32Array(FIRST_CAPACITY);
  private keyEnd = 0;

  /** The meter of a service and usage type, numbered now when new. */
  ofText(service: string, usageType: string): number {
    const hash = hashText(hashText(FNV_OFFSET, service) ^ KEY_SEPARATOR, usageType);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.slotHashes[slot] !== hash) continue;
      const meter = (this.slots[slot] as number) - 1;
      const known = this.meters[meter] as LoggedMeter;
      if (known.usageType === usageType && known.service === service) return meter;
    }
    return this.add(hash, service, usageType);
  }

  /** `ofText` for keys given as bytes. */
  ofBytes(key: KeyBytes): number {
    const known = this.findBytes(key);
    if (known !== NO_METER) return known;
    const { bytes } = key;
    const service = ascii(bytes, key.service, key.serviceEnd);
    return this.add(hashOfBytes(key), service, ascii(bytes, key.usageType, key.usageTypeEnd));
  }

  /** The meter `ofBytes` would give, if it has been seen; -1 if not. Numbers nothing. */
  findBytes(key: KeyBytes): number {
    const hash = hashOfBytes(key);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.slotHashes[slot] !== hash) continue;
      const meter = (this.slots[slot] as number) - 1;
      if (this.hasKey(meter, key)) return meter;
    }
    return NO_METER;
  }

  private hasKey(meter: number, key: KeyBytes): boolean {
    const { bytes, service, usageType } = key;
    const serviceLength = key.serviceEnd - service;
    const at = this.keyAt[meter] as number;
    if (at < 0 || this.serviceLength[meter] !== serviceLength) return false;
    if (this.keyLength[meter] !== serviceLength + key.usageTypeEnd - usageType) return false;
    const keys = this.keyBytes;
    for (let index = 0; index < serviceLength; index++) {
      if (keys[at + index] !== bytes[service + index]) return false;
    }
    const usageAt = at + serviceLength - usageType;
    for (let index = usageType; index < key.usageTypeEnd; index++) {
      if (keys[usageAt + index] !== bytes[index]) return false;
    }
    return true;
  }

  private add(hash: number, service: string, usageType: string): number {
    const meter = this.meters.length;
    this.meters.push({ service, usageType });
    if (meter === this.hashes.length) this.growMeters();
    this.hashes[meter] = hash;
    this.place(meter, hash);
    this.keepKey(meter, service, usageType);
    return meter;
  }

  /** Puts a meter in the first free slot from its hash's own. */
  private place(meter: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = meter + 1;
    this.slotHashes[slot] = hash;
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

  /** Twice the room for meters; the table, kept at most half full, is laid out again. */
  private growMeters(): void {
    const length = this.hashes.length * 2;
    this.hashes = resized(this.hashes, length, 0);
    this.slots = new Int32Array(length * 2);
    this.slotHashes = new Int32Array(length * 2);
    for (let meter = 0; meter < this.meters.length - 1; meter++) {
      this.place(meter, this.hashes[meter] as number);
    }
    this.keyAt = resized(this.keyAt, length, 0);
    this.serviceLength = resized(this.serviceLength, length, 0);
    this.keyLength = resized(this.keyLength, length, 0);
  }
}

function hashOfBytes(key: KeyBytes): number {
  const serviceHash = hashBytes(FNV_OFFSET, key.bytes, key.service, key.serviceEnd);
  return hashBytes(serviceHash ^ KEY_SEPARATOR, key.bytes, key.usageType, key.usageTypeEnd);
}

/** FNV-1a, on from `hash`, over the character codes of `text`; a 32-bit integer. */
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
