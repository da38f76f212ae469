import priorities from '../data/crawl-priorities.json' with { type: 'json' };
import type { SnapshotLink } from '../page-snapshot.js';

interface WordGroup {
  id: string;
  weight: number;
  words: string[];
}

/** Lower case, no accents, only letters/digits separated by single spaces: "Trámites y Servicios" → "tramites y servicios". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9ñ]+/g, ' ')
    .trim();
}

const compile = (words: string[]) => words.map((word) => new RegExp(`(^| )${foldText(word)}( |$)`));
const groups = (priorities.groups as WordGroup[]).map((group) => ({ ...group, patterns: compile(group.words) }));
const avoidPatterns = compile(priorities.avoid.words);

/** The priority groups a piece of text matches (ids, sorted). */
export function matchedGroups(text: string): string[] {
  const folded = foldText(text);
  return groups.filter((group) => group.patterns.some((pattern) => pattern.test(folded))).map((group) => group.id).sort();
}

/**
 * How eager a person would be to open this link: words of the text, label and path that name services, forms,
 * contact, transparency…; menu links first. Each group counts once.
 */
export function linkPriority(link: Pick<SnapshotLink, 'href' | 'text' | 'label' | 'inNav' | 'inFooter'>): number {
  let path = '';
  try {
    path = decodeURIComponent(new URL(link.href).pathname).replace(/[-_/.]+/g, ' ');
  } catch {
    path = '';
  }
  const folded = foldText(`${link.text} ${link.label} ${path}`);
  let score = 0;
  for (const group of groups) if (group.patterns.some((pattern) => pattern.test(folded))) score += group.weight;
  if (avoidPatterns.some((pattern) => pattern.test(folded))) score += priorities.avoid.weight;
  if (link.inNav) score += priorities.navBonus;
  else if (link.inFooter) score += priorities.footerBonus;
  return score;
}
