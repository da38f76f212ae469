import type { ChannelKind } from '../evidence/maturity.js';
import { defineCriterion } from './criterion.js';
import type { CriterionSettings } from './criterion.js';
import { settingsSchema, subsetOf } from './settings-schema.js';
import { CHANNEL_KINDS } from '../evidence/maturity.js';
import { byUrlThenDetail, fail, pass } from './support.js';

export interface InteractiveChannelsSettings {
  /** Channels that are interactive by themselves when live (a chat widget, a forum, comments). */
  channelKinds: ChannelKind[];
  /** Messaging apps: they count only when tied to a service, never as the footer's social icons. */
  messagingKinds: ChannelKind[];
}

/** Its settings: the schema a rubric file is checked against, and the defaults data/default-rubric.json shows. */
const SETTINGS: CriterionSettings<InteractiveChannelsSettings> = {
  schema: settingsSchema({ channelKinds: subsetOf(CHANNEL_KINDS), messagingKinds: subsetOf(CHANNEL_KINDS) }),
  defaults: {
    channelKinds: ['chat', 'chatbot', 'forum', 'comments'],
    messagingKinds: ['whatsapp', 'messenger', 'telegram'],
  },
};

export const interactiveChannels = defineCriterion({
  meta: {
    id: 'interactive_channels',
    level: 3,
    title: {
      es: 'Ofrece canales interactivos ligados a servicios',
      en: 'Offers interactive channels tied to services',
    },
    implements: {
      es: 'Uso de chats, foros y otras formas interactivas de comunicación (relacionadas al servicio).',
      en: 'Chats, forums and other interactive channels (tied to services).',
    },
    requiredEvidence: ['interactive'],
  },
  settings: SETTINGS,
  judge({ interactive }, settings) {
    const channel = new Set(settings.channelKinds);
    const messaging = new Set(settings.messagingKinds);
    const describe = (c: (typeof interactive.channels)[number]) =>
      `${c.kind}${c.vendor ? ` (${c.vendor})` : ''} via ${c.how}; ${c.live ? 'live' : 'not live'}; ${c.tiedToService ? 'tied to a service' : 'not tied to a service'}; ${c.detail}`;

    const counted = interactive.channels
      .filter((c) => c.live && (channel.has(c.kind) || (messaging.has(c.kind) && c.tiedToService)))
      .map((c) => ({ url: c.url, detail: describe(c) }))
      .sort(byUrlThenDetail);
    if (counted.length > 0) {
      return pass(
        {
          es: `Hay ${counted.length} canales interactivos en funcionamiento (chat, foro, comentarios o mensajería ligada a un servicio).`,
          en: `${counted.length} working interactive channels (chat, forum, comments or messaging tied to a service) were found.`,
        },
        counted.slice(0, 10),
      );
    }
    const seen = interactive.channels.map((c) => ({ url: c.url, detail: describe(c) })).sort(byUrlThenDetail);
    return fail(
      {
        es: seen.length
          ? `Se vieron ${seen.length} canales, pero ninguno está activo y ligado a un servicio; un enlace suelto a una red social o «Próximamente» no cuenta.`
          : 'No se encontró chat, foro, comentarios ni mensajería ligada a un servicio.',
        en: seen.length
          ? `${seen.length} channels were seen, but none is live and tied to a service; a bare social link or a "coming soon" page does not count.`
          : 'No chat, forum, comments or messaging tied to a service was found.',
      },
      seen.slice(0, 10),
    );
  },
});
