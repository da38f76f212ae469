import { describe, expect, it } from 'vitest';
import { postingForm, threadLinks } from './forum-threads.js';
import { field, form, link } from '../test-support/builders.js';

const site = 'https://www.muni.gob.gt';
const sameSite = (url: string) => url.startsWith(site);

describe('forum threads', () => {
  it('lists the threads of an index in order: under the forum path, or named as topics; never the menu, the footer or "Nuevo tema"', () => {
    const index = {
      url: `${site}/foro/`,
      links: [
        link(`${site}/`, 'Inicio', { inNav: true }),
        link(`${site}/foro/nuevo`, 'Nuevo tema'),
        link(`${site}/foro/cortes-de-agua`, 'Cortes de agua'),
        link(`${site}/viewtopic.php?t=12`, 'Alumbrado'),
        link(`${site}/foro/cortes-de-agua#respuestas`, 'Ver respuestas'),
        link('https://otro.example.org/foro/x', 'Externo'),
        link(`${site}/contacto`, 'Contacto', { inFooter: true }),
      ],
    };
    expect(threadLinks(index, sameSite)).toEqual([
      `${site}/foro/cortes-de-agua`,
      `${site}/viewtopic.php?t=12`,
    ]);
  });

  it('a posting form has a message box and is not a search', () => {
    expect(
      postingForm({
        forms: [
          form({
            method: 'post',
            fields: [field('respuesta', { tag: 'textarea', type: 'textarea', label: 'Su respuesta' })],
            submitTexts: ['Publicar'],
          }),
        ],
      }),
    ).toBe('textarea "Su respuesta", button "Publicar"');
    expect(
      postingForm({ forms: [form({ fields: [field('q', { type: 'search' })], submitTexts: ['Buscar'] })] }),
    ).toBeNull();
  });
});
