import { describe, expect, it } from 'vitest';
import type { InteractiveEvidence } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import { SITE, evidenceMeeting, ok, withGathered } from '../test-support/evidence-builders.js';
import { interactiveChannels } from './interactive-channels.js';

const settings = defaultRubric.criteria.interactive_channels;
type Channel = InteractiveEvidence['channels'][number];
const channel = (patch: Partial<Channel>): Channel => ({
  url: `${SITE}tramites`,
  kind: 'chat',
  how: 'script',
  live: true,
  tiedToService: false,
  detail: 'widget visible',
  ...patch,
});
const judge = (channels: Channel[]) =>
  interactiveChannels.evaluate(
    withGathered(evidenceMeeting([]), { interactive: ok({ channels }) }),
    settings,
  );

describe('interactive_channels', () => {
  it.each(['chat', 'chatbot', 'forum', 'comments'] as const)('a live %s counts', (kind) => {
    expect(judge([channel({ kind })]).outcome).toBe('pass');
  });

  it('a chat that is not live does not count', () => {
    expect(judge([channel({ live: false, detail: 'Próximamente' })]).outcome).toBe('fail');
  });

  it('WhatsApp counts only when tied to a service; a bare social link never does', () => {
    expect(judge([channel({ kind: 'whatsapp', how: 'link', tiedToService: true })]).outcome).toBe('pass');
    const bare = judge([
      channel({ kind: 'whatsapp', how: 'link', tiedToService: false }),
      channel({ kind: 'messenger', how: 'link', tiedToService: false }),
    ]);
    expect(bare.outcome).toBe('fail');
    expect(bare.evidence).toHaveLength(2);
  });

  it('fails with no channel at all', () => {
    expect(judge([]).reason.en).toBe('No chat, forum, comments or messaging tied to a service was found.');
  });
});
