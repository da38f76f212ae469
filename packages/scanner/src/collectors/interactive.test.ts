import { describe, expect, it } from 'vitest';
import { interactiveCollector } from './interactive.js';
import { fakeSite, form, field, link, snapshot } from './test-support/builders.js';

const home = 'https://www.mintrab.gob.gt/';

describe('interactive channels collector', () => {
  it('finds a chat widget by vendor, a WhatsApp service line and a social WhatsApp icon, and a comment form', async () => {
    const site = fakeSite({
      pages: [
        snapshot(home, {
          scripts: ['https://embed.tawk.to/5f1234/default'],
          links: [
            link('https://wa.me/50223222222', 'WhatsApp', {
              context: 'Atención al usuario por WhatsApp: consultas sobre trámites laborales',
            }),
            link('https://api.whatsapp.com/send?phone=50224224242', '', {
              label: 'WhatsApp',
              inFooter: true,
              context: 'Síguenos en Facebook Twitter WhatsApp',
            }),
          ],
        }),
        snapshot(`${home}noticias/1`, {
          forms: [
            form({
              action: 'https://www.mintrab.gob.gt/wp-comments-post.php',
              id: 'commentform',
              fields: [field('comment', { tag: 'textarea' })],
            }),
          ],
        }),
        snapshot(`${home}ayuda`, {
          inlineScripts: [
            '<df-messenger intent="WELCOME" chat-title="Asistente" agent-id="abc"></df-messenger>',
          ],
        }),
      ],
    });
    const { channels } = await interactiveCollector.collect(site);
    expect(channels.map((c) => [c.kind, c.vendor, c.how, c.live, c.tiedToService])).toEqual([
      ['chat', 'Tawk.to', 'script', true, true],
      ['chatbot', 'Dialogflow Messenger', 'script', true, true],
      ['comments', 'WordPress comments', 'element', true, false],
      ['whatsapp', 'WhatsApp', 'link', true, false],
      ['whatsapp', 'WhatsApp', 'link', true, true],
    ]);
    expect(channels[0]).toMatchObject({
      url: home,
      detail: 'Tawk.to loaded: https://embed.tawk.to/5f1234/default',
    });
    expect(channels.find((c) => c.tiedToService && c.kind === 'whatsapp')?.detail).toMatch(
      /wa\.me\/50223222222/,
    );
  });

  it('trap: the word "chat" with no widget is not a channel', async () => {
    const site = fakeSite({
      pages: [
        snapshot(home, {
          title: 'Chat en línea',
          headings: [{ level: 2, text: 'Chat de atención ciudadana' }],
          text: 'Chatee con nosotros de lunes a viernes. Chat en línea.',
          links: [link(`${home}chat`, 'Chat en línea')],
        }),
      ],
    });
    expect((await interactiveCollector.collect(site)).channels).toEqual([]);
  });

  it('trap: a WhatsApp link with no number and a "Próximamente" placeholder are not live', async () => {
    const site = fakeSite({
      pages: [
        snapshot(`${home}contacto`, {
          title: 'Contacto',
          links: [
            link('https://wa.me/', 'WhatsApp', { context: 'Atención por WhatsApp' }),
            link('https://t.me/MintrabGT', 'Telegram', { context: 'Atención por Telegram — Próximamente' }),
          ],
        }),
      ],
    });
    const { channels } = await interactiveCollector.collect(site);
    expect(channels.map((c) => [c.kind, c.live])).toEqual([
      ['telegram', false],
      ['whatsapp', false],
    ]);
  });
});
