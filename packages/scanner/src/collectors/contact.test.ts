import { describe, expect, it } from 'vitest';
import { addressesInText, contactCollector } from './contact.js';
import { fakeSite, field, form, link, snapshot } from './test-support/builders.js';

const home = 'https://www.mingob.gob.gt/';

describe('addresses in text', () => {
  it.each([
    ['Escríbanos a info@mingob.gob.gt.', 'info@mingob.gob.gt', false],
    ['usuario [arroba] dominio [punto] gob [punto] gt', 'usuario@dominio.gob.gt', true],
    ['usuario(at)dominio.org', 'usuario@dominio.org', true],
    ['usuario @ dominio . gob . gt', 'usuario@dominio.gob.gt', true],
    ['atencion.ciudadana arroba mingob punto gob punto gt', 'atencion.ciudadana@mingob.gob.gt', true],
    ['contact {at} agency {dot} gov', 'contact@agency.gov', true],
  ])('%s → %s', (text, address, obfuscated) => {
    expect(addressesInText(text)).toEqual([expect.objectContaining({ address, obfuscated })]);
  });

  it.each([
    ['logo@2x.png'],
    ['Apply online at www.sat.gob.gt today'],
    ['Síguenos @MingobGT'],
    ['Horario 8:00 @ 16:00'],
  ])('finds no address in %s', (text) => {
    expect(addressesInText(text)).toEqual([]);
  });
});

describe('contact collector', () => {
  it('records mailto links, visible and obfuscated addresses, and a working contact form', async () => {
    const site = fakeSite({
      pages: [
        snapshot(home, {
          text: 'Contáctenos\nCorreo: denuncias [arroba] mingob [punto] gob [punto] gt\nPBX 2413-8888',
          links: [
            link('mailto:Info@Mingob.gob.gt?subject=Consulta', 'Info@mingob.gob.gt', { inFooter: true }),
          ],
        }),
        snapshot(`${home}contacto`, {
          title: 'Contacto',
          text: 'Escríbanos: atencion@mingob.gob.gt',
          forms: [
            form({
              action: `${home}api/contacto`,
              method: 'post',
              selector: '#form-contacto',
              fields: [
                field('nombre', { label: 'Nombre completo' }),
                field('correo', { type: 'email' }),
                field('mensaje', { tag: 'textarea', type: 'textarea' }),
                field('enviar', { tag: 'button', type: 'submit' }),
              ],
              submitTexts: ['Enviar mensaje'],
            }),
          ],
        }),
      ],
      responses: { [`${home}api/contacto`]: { status: 405, body: 'Method Not Allowed' } },
    });
    const evidence = await contactCollector.collect(site);
    expect(evidence.mailto).toEqual([{ url: home, address: 'info@mingob.gob.gt' }]);
    expect(evidence.visibleAddresses).toEqual([
      { url: `${home}contacto`, address: 'atencion@mingob.gob.gt', obfuscated: false },
      { url: home, address: 'denuncias@mingob.gob.gt', obfuscated: true },
    ]);
    expect(evidence.contactForms).toEqual([
      {
        url: `${home}contacto`,
        action: `${home}api/contacto`,
        method: 'post',
        fields: ['input[text] nombre', 'input[email] correo', 'textarea mensaje'],
        looksLikeContactForm: true,
        targetWorks: true,
        detail: `#form-contacto: action ${home}api/contacto answers HTTP 405 to HEAD/GET (POST only)`,
      },
    ]);
    // Checked without sending anything: HEAD (then GET), never POST.
    expect(site.fetched).toEqual([`HEAD ${home}api/contacto`]);
  });

  it('trap: a form with action "#" and no script, and one posting to a 404, go nowhere; a search box is not a contact form', async () => {
    const contactFields = [
      field('email', { type: 'email' }),
      field('comentario', { tag: 'textarea', type: 'textarea' }),
    ];
    const site = fakeSite({
      pages: [
        snapshot(`${home}contacto`, {
          forms: [
            form({ action: `${home}contacto#`, selector: 'form:nth-of-type(1)', fields: contactFields }),
            form({
              action: `${home}enviar.php`,
              method: 'post',
              selector: 'form:nth-of-type(2)',
              fields: contactFields,
            }),
            form({ action: `${home}buscar`, role: 'search', fields: [field('q', { type: 'search' })] }),
          ],
        }),
      ],
    });
    const evidence = await contactCollector.collect(site);
    expect(evidence.contactForms.map((f) => [f.action, f.looksLikeContactForm, f.targetWorks])).toEqual([
      [`${home}contacto#`, true, false],
      [`${home}enviar.php`, true, false],
    ]);
    expect(evidence.contactForms[0]?.detail).toMatch(/no script that sends it/);
    expect(evidence.contactForms[1]?.detail).toMatch(/answers HTTP 404/);
  });

  it('a form with action "#" sent by a script that posts it works', async () => {
    const site = fakeSite({
      pages: [
        snapshot(`${home}contacto`, {
          inlineScripts: [
            "document.getElementById('contacto').addEventListener('submit', (e) => { e.preventDefault(); fetch('/api/mensajes', { method: 'POST', body: new FormData(e.target) }); });",
          ],
          forms: [
            form({
              action: `${home}contacto#`,
              id: 'contacto',
              fields: [
                field('telefono', { type: 'tel' }),
                field('mensaje', { tag: 'textarea', type: 'textarea' }),
              ],
            }),
          ],
        }),
      ],
    });
    const [contactForm] = (await contactCollector.collect(site)).contactForms;
    expect(contactForm).toMatchObject({ looksLikeContactForm: true, targetWorks: true });
    expect(contactForm?.detail).toMatch(/a page script that posts it/);
  });
});
