import { defineCriterion } from './criterion.js';
import type { CriterionSettings } from './criterion.js';
import { settingsSchema, strings } from './settings-schema.js';
import { byUrlThenDetail, fail, pass } from './support.js';

export interface EmailContactSettings {
  /** Addresses at these domains are placeholders in forms and templates, not a way to reach anyone. */
  placeholderDomains: string[];
  /** "logo@2x.png" is a file name, not an address. */
  fileExtensions: string[];
}

/** Its settings: the schema a rubric file is checked against, and the defaults data/default-rubric.json shows. */
const SETTINGS: CriterionSettings<EmailContactSettings> = {
  schema: settingsSchema({ placeholderDomains: strings, fileExtensions: strings }),
  defaults: {
    placeholderDomains: [
      'example.com',
      'example.org',
      'example.net',
      'ejemplo.com',
      'dominio.com',
      'domain.com',
      'tudominio.com',
      'sudominio.com',
      'correo.com',
      'email.com',
    ],
    fileExtensions: ['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'bmp', 'css', 'js'],
  },
};

export const emailContact = defineCriterion({
  meta: {
    id: 'email_contact',
    level: 3,
    title: { es: 'Permite comunicarse por correo electrónico', en: 'Can be contacted by email' },
    implements: {
      es: 'Ofrecen comunicación a través del correo electrónico.',
      en: 'Communication by email.',
    },
    requiredEvidence: ['contact'],
  },
  settings: SETTINGS,
  judge({ contact }, settings) {
    const placeholders = settings.placeholderDomains.map((d) => d.toLowerCase());
    const extensions = new Set(settings.fileExtensions.map((e) => e.toLowerCase()));
    const usable = (address: string): boolean => {
      const at = address.lastIndexOf('@');
      if (at <= 0) return false;
      const domain = address
        .slice(at + 1)
        .toLowerCase()
        .replace(/[>\s.]+$/, '');
      if (!domain.includes('.')) return false;
      if (extensions.has(domain.slice(domain.lastIndexOf('.') + 1))) return false;
      return !placeholders.some((p) => domain === p || domain.endsWith(`.${p}`));
    };

    const found = [
      ...contact.mailto
        .filter((m) => usable(m.address))
        .map((m) => ({ url: m.url, detail: `mailto: link to ${m.address}` })),
      ...contact.visibleAddresses
        .filter((v) => usable(v.address))
        .map((v) => ({
          url: v.url,
          detail: `address shown on the page${v.obfuscated ? ' (obfuscated, e.g. "[arroba]")' : ''}: ${v.address}`,
        })),
      ...contact.contactForms
        .filter((f) => f.looksLikeContactForm && f.targetWorks)
        .map((f) => ({
          url: f.url,
          detail: `contact form ${f.method.toUpperCase()} ${f.action} with fields ${f.fields.join(', ')}; ${f.detail}`,
        })),
    ].sort(byUrlThenDetail);

    if (found.length > 0) {
      return pass(
        {
          es: 'El sitio ofrece un medio de comunicación por correo electrónico (enlace mailto, dirección visible o formulario de contacto que funciona).',
          en: 'The site offers a way to communicate by email (a mailto link, a visible address or a working contact form).',
        },
        found.slice(0, 10),
      );
    }
    const deadForms = contact.contactForms.filter((f) => f.looksLikeContactForm && !f.targetWorks);
    return fail(
      {
        es: `No se encontró un enlace mailto, una dirección de correo visible ni un formulario de contacto que funcione${deadForms.length ? ` (${deadForms.length} formularios de contacto apuntan a un destino que no responde)` : ''}.`,
        en: `No mailto link, visible email address or working contact form was found${deadForms.length ? ` (${deadForms.length} contact forms point to a target that does not answer)` : ''}.`,
      },
      deadForms.map((f) => ({
        url: f.url,
        detail: `contact form ${f.method.toUpperCase()} ${f.action}: target does not work; ${f.detail}`,
      })),
    );
  },
});
