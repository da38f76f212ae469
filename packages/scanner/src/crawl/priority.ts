import { PhraseMatcher, pathWords, wordText } from '@egov-monitor/rubric';
import priorities from '../data/crawl-priorities.json' with { type: 'json' };
import type { SnapshotLink } from '../page-snapshot.js';

interface WordGroup {
  id: string;
  weight: number;
  words: string[];
}

// Punctuation is a space here: a link's text, label and path words name the same thing however they are joined.
const compile = (words: string[]) => new PhraseMatcher(words, { ignorePunctuation: true });
const groups = (priorities.groups as WordGroup[]).map((group) => ({
  ...group,
  matcher: compile(group.words),
}));
const avoid = compile(priorities.avoid.words);

/** The priority groups a piece of text matches (ids, sorted). */
export function matchedGroups(text: string): string[] {
  return groups
    .filter((group) => group.matcher.test(text))
    .map((group) => group.id)
    .sort();
}

/**
 * How eager a person would be to open this link: words of the text, label and path that name services, forms,
 * contact, transparency…; menu links first. Each group counts once.
 */
export function linkPriority(
  link: Pick<SnapshotLink, 'href' | 'text' | 'label' | 'inNav' | 'inFooter'>,
): number {
  const words = wordText(`${link.text} ${link.label} ${pathWords(link.href).join(' ')}`);
  let score = 0;
  for (const group of groups) if (group.matcher.test(words)) score += group.weight;
  if (avoid.test(words)) score += priorities.avoid.weight;
  if (link.inNav) score += priorities.navBonus;
  else if (link.inFooter) score += priorities.footerBonus;
  return score;
}
