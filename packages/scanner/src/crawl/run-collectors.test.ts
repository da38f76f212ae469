import { describe, expect, it } from 'vitest';
import type { EvidenceKind } from '@egov-monitor/rubric';
import type { Collector, SiteContext } from '../collectors/collector.js';
import { runCollectors } from './run-collectors.js';

const site = { deadline: Date.now() + 60_000, log: () => undefined } as unknown as SiteContext;

describe('runCollectors', () => {
  it('leaves a switched-off kind absent, neither ok nor error', async () => {
    const ran: string[] = [];
    const collectors = [
      { kind: 'lighthouse', enabled: () => false, collect: async () => { ran.push('lighthouse'); return { lighthouseVersion: '12', pages: [] }; } },
      { kind: 'outboundLinks', enabled: () => true, collect: async () => { ran.push('outboundLinks'); return { hosts: [] }; } },
      { kind: 'institutional', collect: async () => { ran.push('institutional'); return { pages: [] }; } },
    ] as Collector<EvidenceKind>[];
    const gathered = await runCollectors(collectors, site, { defaultTimeoutMs: 5_000, now: Date.now });
    expect(ran).toEqual(['outboundLinks', 'institutional']);
    expect(Object.keys(gathered).sort()).toEqual(['institutional', 'outboundLinks']);
    expect(gathered.outboundLinks).toEqual({ status: 'ok', data: { hosts: [] } });
  });
});
