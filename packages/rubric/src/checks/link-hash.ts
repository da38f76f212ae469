import { barrierCheck } from './barrier-check.js';

// href="#" announces a link that does not navigate: a script button posing as a link (wrong role), or a dead link
// that jumps to the top of the page.
export const linkHash = barrierCheck({
  id: 'link-hash',
  weight: 0.25,
  criterion: { number: '4.1.2', name: { es: 'Nombre, función, valor', en: 'Name, Role, Value' } },
  title: { es: 'Enlaces que llevan a algún lugar', en: 'Links that go somewhere' },
  hint: {
    es: 'Un enlace a "#" no lleva a ninguna parte: enlace a la página real, o use un <button> si la acción ocurre en la página.',
    en: 'A link to "#" goes nowhere: link to the real page, or use a <button> when the action happens on the page.',
  },
  passDetail: 'no link points to "#"',
});
