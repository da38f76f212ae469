/**
 * The hostile sitemaps and robots.txt of issue #11, built in one place: the parser tests pin what each must give
 * (bytes read, entries kept, rules applied) and `npm run bench:parsers` measures how long each takes. A test never
 * times them (a busy machine makes any parser slow); the benchmark does, on demand.
 */
import { gzipSync } from 'node:zlib';

const MB = 1024 * 1024;

/** 1 MB of `<loc>` elements that never close (a quadratic regex parser took 68 s on it). */
export function unclosedLocs(): Buffer {
  return Buffer.from(`<urlset><url>${'<loc>https://x.gob.gt/a'.repeat(Math.ceil(MB / 23))}`);
}

/** One `<loc>` that never closes, over 1 MB of text. */
export function endlessLoc(): Buffer {
  return Buffer.from(`<urlset><url><loc>https://x.gob.gt/${'a'.repeat(MB)}`);
}

/**
 * A gzip under 1 MB that inflates to about 1 GB: a urlset opening, then concatenated members of 10 MB of blanks
 * (gzip members may be concatenated, RFC 1952 §2.2). `members` says how many.
 */
export function gzipBomb(): { bomb: Buffer; members: number; memberBytes: number } {
  const opening = gzipSync('<urlset><url><loc>https://x.gob.gt/primera</loc></url>');
  const memberBytes = 10 * MB;
  const blanks = gzipSync(Buffer.alloc(memberBytes, 0x20), { level: 9 });
  const members = Math.floor((0.97 * MB - opening.length) / blanks.length);
  return {
    bomb: Buffer.concat([opening, ...Array.from({ length: members }, () => blanks)]),
    members,
    memberBytes,
  };
}

/** A robots.txt of a 500 KiB wildcard line, a run of 100,000 stars and 12,000 wildcard rules. */
export function hostileRobots(): string {
  const long = `User-agent: *\nDisallow: /privado/\nDisallow: /${'*a'.repeat(250_000)}\nDisallow: /${'*'.repeat(100_000)}x\n`;
  const many = Array.from({ length: 12_000 }, (_, i) => `Disallow: /*a*b*c*${i}`).join('\n');
  return `${long}${many}\n`;
}

/** The paths checked against hostileRobots(): long enough to make a backtracking matcher explode. */
export function robotsProbePaths(count = 100): string[] {
  return Array.from({ length: count }, (_, i) => `https://x.gob.gt/${'a'.repeat(60)}/${i}`);
}
