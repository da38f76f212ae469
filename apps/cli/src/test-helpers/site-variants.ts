// Edited copies of the nivel-1 fixture site (SECCUH), for the history's end-to-end test: the site improves between
// runs the way a real one does, through its content, not through the rubric.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DAY = 24 * 60 * 60 * 1000;

/** Replaces `from` with `to` in a file of the copy, and fails loudly when the fixture no longer has `from`. */
function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text)
    throw new Error(`site variant: ${file} no longer contains ${String(from)}; update the variant`);
  writeFileSync(path, next);
}

function longDateEs(date: Date): string {
  return new Intl.DateTimeFormat('es-GT', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/**
 * Second run: the `lang` attribute the whole site lacked (axe's html-has-lang on every page) and an e-mail address
 * in the footer (email_contact).
 */
export function secondVariant(sitesDir: string, into: string): string {
  const dir = join(into, 'nivel-1');
  cpSync(join(sitesDir, 'nivel-1'), dir, { recursive: true });
  edit(dir, 'layout.hbs', '<html>', '<html lang="es">');
  edit(
    dir,
    'layout.hbs',
    '</footer>',
    '<div class="container"><p>Correo: <a href="mailto:informacion@seccuh.gob.gt">informacion@seccuh.gob.gt</a></p></div>\n</footer>',
  );
  return dir;
}

/**
 * Third run: on top of the second, links to three more state institutions (links_to_agencies) and the news dated
 * in the weeks before `scanDay` instead of 2014 (fresh_content): level 2.
 */
export function thirdVariant(sitesDir: string, into: string, scanDay: Date): string {
  const dir = secondVariant(sitesDir, into);
  edit(
    dir,
    'layout.hbs',
    '</footer>',
    '<nav aria-label="Instituciones"><div class="container"><ul><li><a href="https://www.mineduc.gob.gt/">MINEDUC</a></li><li><a href="https://www.maga.gob.gt/">MAGA</a></li><li><a href="https://conred.gob.gt/">CONRED</a></li></ul></div></nav>\n</footer>',
  );
  const news = JSON.parse(readFileSync(join(dir, 'collections', 'noticias.json'), 'utf8')) as {
    items: { fechaTexto: string }[];
  };
  news.items.forEach((item, i) => {
    edit(
      dir,
      'collections/noticias.json',
      new RegExp(item.fechaTexto, 'g'),
      longDateEs(new Date(scanDay.getTime() - (4 + 9 * i) * DAY)),
    );
  });
  return dir;
}
