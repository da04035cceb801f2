/**
 * Edits symbol versioning in an ELF64 little-endian shared object, in place in a buffer:
 * - unversions named dynamic symbols (so they bind to whichever library provides them, e.g. a preloaded shim);
 * - marks named version requirements weak (so a missing glibc/libstdc++ version does not stop loading).
 */

const SHT_DYNSYM = 11;
const SHT_GNU_VERNEED = 0x6ffffffe;
const SHT_GNU_VERSYM = 0x6fffffff;
const VER_FLG_WEAK = 0x2;
const VER_NDX_GLOBAL = 1;

interface Section {
  type: number;
  offset: number;
  size: number;
  link: number;
  entsize: number;
}

function sections(b: Buffer): Section[] {
  if (b.readUInt32BE(0) !== 0x7f454c46 || b[4] !== 2 || b[5] !== 1)
    throw new Error('not an ELF64 little-endian file');
  const shoff = Number(b.readBigUInt64LE(0x28));
  const shentsize = b.readUInt16LE(0x3a);
  const shnum = b.readUInt16LE(0x3c);
  return Array.from({ length: shnum }, (_, i) => {
    const at = shoff + i * shentsize;
    return {
      type: b.readUInt32LE(at + 4),
      offset: Number(b.readBigUInt64LE(at + 0x18)),
      size: Number(b.readBigUInt64LE(at + 0x20)),
      link: b.readUInt32LE(at + 0x28),
      entsize: Number(b.readBigUInt64LE(at + 0x38)),
    };
  });
}

const cString = (b: Buffer, at: number) => b.toString('latin1', at, b.indexOf(0, at));

export function patchVersions(
  b: Buffer,
  unversion: ReadonlySet<string>,
  weaken: ReadonlySet<string>,
): { unversioned: string[]; weakened: string[] } {
  const all = sections(b);
  const dynsym = all.find((s) => s.type === SHT_DYNSYM);
  const versym = all.find((s) => s.type === SHT_GNU_VERSYM);
  const verneed = all.find((s) => s.type === SHT_GNU_VERNEED);
  if (!dynsym || !versym || !verneed) throw new Error('no dynamic symbol versioning to patch');
  const dynstr = all[dynsym.link]!;
  const unversioned: string[] = [];
  for (let i = 0; i < dynsym.size / dynsym.entsize; i++) {
    const name = cString(b, dynstr.offset + b.readUInt32LE(dynsym.offset + i * dynsym.entsize));
    if (!unversion.has(name)) continue;
    b.writeUInt16LE(VER_NDX_GLOBAL, versym.offset + i * 2);
    unversioned.push(name);
  }
  const weakened: string[] = [];
  const strtab = all[verneed.link]!;
  for (let at = verneed.offset; ;) {
    const count = b.readUInt16LE(at + 2);
    let aux = at + b.readUInt32LE(at + 8);
    for (let k = 0; k < count; k++) {
      const name = cString(b, strtab.offset + b.readUInt32LE(aux + 8));
      if (weaken.has(name)) {
        b.writeUInt16LE(b.readUInt16LE(aux + 4) | VER_FLG_WEAK, aux + 4);
        weakened.push(`${cString(b, strtab.offset + b.readUInt32LE(at + 4))} ${name}`);
      }
      aux += b.readUInt32LE(aux + 12);
    }
    const next = b.readUInt32LE(at + 12);
    if (next === 0) break;
    at += next;
  }
  return { unversioned, weakened };
}
