import { describe, expect, it } from 'vitest';
import type { EvidenceKind } from '@egov-monitor/rubric';
import type { Collector, SiteContext } from '../collectors/collector.js';
import { hasTime } from '../collectors/live/live.js';
import { runCollectors } from './run-collectors.js';

const site = { deadline: Date.now() + 60_000, log: () => undefined } as unknown as SiteContext;

describe('runCollectors', () => {
  it('leaves a switched-off kind absent, neither ok nor error', async () => {
    const ran: string[] = [];
    const collectors = [
      {
        kind: 'lighthouse',
        enabled: () => false,
        collect: async () => {
          ran.push('lighthouse');
          return { lighthouseVersion: '12', pages: [] };
        },
      },
      {
        kind: 'outboundLinks',
        enabled: () => true,
        collect: async () => {
          ran.push('outboundLinks');
          return { hosts: [] };
        },
      },
      {
        kind: 'institutional',
        collect: async () => {
          ran.push('institutional');
          return { pages: [] };
        },
      },
    ] as Collector<EvidenceKind>[];
    const gathered = await runCollectors(collectors, site, { defaultTimeoutMs: 5_000, now: Date.now });
    expect(ran).toEqual(['outboundLinks', 'institutional']);
    expect(Object.keys(gathered).sort()).toEqual(['institutional', 'outboundLinks']);
    expect(gathered.outboundLinks).toEqual({ status: 'ok', data: { hosts: [] } });
  });

  it("overlaps collectors two at a time, runs Lighthouse alone afterwards, and keeps the collectors' order", async () => {
    let running = 0;
    let most = 0;
    const beside: Record<string, number> = {};
    const collector = (kind: string, ms: number, runsAlone = false) =>
      ({
        kind,
        runsAlone,
        collect: async () => {
          running += 1;
          most = Math.max(most, running);
          beside[kind] = running;
          await new Promise((resolve) => setTimeout(resolve, ms));
          running -= 1;
          if (kind === 'search') throw new Error('no search box');
          return { kind };
        },
      }) as unknown as Collector<EvidenceKind>;
    const gathered = await runCollectors(
      [
        collector('lighthouse', 5, true),
        collector('search', 60),
        collector('interactive', 10),
        collector('dates', 10),
      ],
      site,
      { defaultTimeoutMs: 5_000, now: Date.now },
    );
    expect(most).toBe(2);
    expect(beside.lighthouse).toBe(1);
    expect(Object.keys(gathered)).toEqual(['lighthouse', 'search', 'interactive', 'dates']);
    expect(gathered.search).toMatchObject({
      status: 'error',
      error: { code: 'collector-crashed', message: 'no search box' },
    });
    expect(gathered.dates).toEqual({ status: 'ok', data: { kind: 'dates' } });
  });

  it('gives each collector its own safety net: partial work is marked incomplete, a collector that never returns is a timeout', async () => {
    const collectors = [
      // Says itself that part of its work could not be done.
      {
        kind: 'downloads',
        collect: async (own: SiteContext) => {
          own.markIncomplete?.({ code: 'page-timeout', message: 'one document did not answer' });
          return { candidates: [] };
        },
      },
      // Its deadline (timeoutMs 0: already past) leaves no room for live work: hasTime says no and marks it.
      {
        kind: 'search',
        timeoutMs: 0,
        collect: async (own: SiteContext) =>
          hasTime(own) ? { found: true } : { found: false, outcome: 'no-search-box', detail: 'not tried' },
      },
      // Never settles: only the safety net ends it, whatever the machine's speed.
      { kind: 'interactive', timeoutMs: 0, collect: () => new Promise(() => undefined) },
      { kind: 'dates', collect: async () => ({ items: [] }) },
    ] as unknown as Collector<EvidenceKind>[];
    const gathered = await runCollectors(collectors, site, {
      defaultTimeoutMs: 60_000,
      now: Date.now,
      graceMs: 50,
    });
    expect(gathered.downloads).toEqual({
      status: 'ok',
      data: { candidates: [] },
      incomplete: { code: 'page-timeout', message: 'one document did not answer' },
    });
    expect(gathered.search).toMatchObject({ status: 'ok', incomplete: { code: 'collector-timeout' } });
    expect(gathered.interactive).toMatchObject({ status: 'error', error: { code: 'timeout' } });
    expect(gathered.dates).toEqual({ status: 'ok', data: { items: [] } });
  });
});
