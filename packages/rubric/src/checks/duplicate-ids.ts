import type { EvidencePointer } from '../evidence/common.js';
import { barrierCheck } from './barrier-check.js';
import type { Check } from './check.js';

/**
 * axe's rule for focusable elements sharing an id. axe tags it "wcag2a-obsolete" (WCAG 2.2 retired SC 4.1.1), so
 * wcag-a does not count it, yet a label, a skip link or aria-controls pointing at such an id reaches the wrong
 * element. Ids shared by elements that ARIA or a <label> refer to are axe's duplicate-id-aria, counted by wcag-a.
 * The scanner switches the rule on by id (AXE_EXTRA_RULES in run-axe.ts).
 */
const RULE = 'duplicate-id-active';

export const duplicateIds: Check = barrierCheck({
  id: 'duplicate-ids',
  weight: 0.25,
  title: { es: 'Identificadores únicos en controles', en: 'Unique ids on controls' },
  criterion: { number: '4.1.2', name: { es: 'Nombre, función, valor', en: 'Name, Role, Value' } },
  hint: {
    es: 'Dé a cada enlace, botón y campo un id que no se repita en la página.',
    en: 'Give every link, button and field an id used nowhere else on the page.',
  },
  passDetail: 'no focusable elements share an id',
  pointers: (page) =>
    page.violations
      .filter((violation) => violation.ruleId === RULE)
      .map((violation): EvidencePointer => ({
        url: page.url,
        detail: `${RULE}, ${violation.nodes} element(s): ${violation.selectors.join(', ')}`,
      })),
});
