/**
 * The compiled templates, one Handlebars instance per output format. Markdown is compiled with `noEscape`
 * (HTML entities would show up as text in a .md file); its templates escape site text through the helpers.
 */
import type Handlebars from 'handlebars';
import { TEMPLATES } from '../templates/templates.generated.js';
import { createHandlebars } from './helpers.js';

type Format = 'markdown' | 'html';
const SUFFIX: Record<Format, string> = { markdown: '.md', html: '.html' };

const instances = new Map<Format, typeof Handlebars>();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function instance(format: Format): typeof Handlebars {
  let hb = instances.get(format);
  if (!hb) {
    hb = createHandlebars(format);
    for (const [name, source] of Object.entries(TEMPLATES)) {
      if (name.startsWith('partials/') && name.endsWith(SUFFIX[format])) {
        hb.registerPartial(name.slice('partials/'.length, -SUFFIX[format].length), source);
      }
    }
    instances.set(format, hb);
  }
  return hb;
}

export function renderTemplate(name: string, context: object): string {
  const format: Format = name.endsWith('.html') ? 'html' : 'markdown';
  let template = compiled.get(name);
  if (!template) {
    const source = TEMPLATES[name];
    if (source === undefined) throw new Error(`render: no template "${name}"`);
    template = instance(format).compile(source, { noEscape: format === 'markdown', strict: false });
    compiled.set(name, template);
  }
  return template(context);
}
