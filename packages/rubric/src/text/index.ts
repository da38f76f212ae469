export {
  clip,
  escapeRegExp,
  foldAccents,
  normalizeText,
  pathWords,
  slugify,
  wordText,
  words,
} from './normalize.js';
export { PhraseMatcher } from './phrase-matcher.js';
export type { PhraseMatcherOptions } from './phrase-matcher.js';
