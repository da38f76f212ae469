import { describe, expect, it } from 'vitest';
import type { CatalogEntryKind, CatalogItem, ServiceCatalogEvidence } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import { SITE, evidenceMeeting, ok, withGathered } from '../test-support/evidence-builders.js';
import { citizenCentricPortal, organisationOf } from './citizen-centric-portal.js';

const settings = defaultRubric.criteria.citizen_centric_portal;
type Candidate = ServiceCatalogEvidence['candidates'][number];
type Group = Candidate['groups'][number];

const item = (
  text: string,
  kind: CatalogEntryKind,
  slug: string,
  leadsToService: boolean | null = true,
): CatalogItem => ({
  text,
  kind,
  href: `${SITE}${slug}`,
  leadsToService,
});
const group = (text: string, kind: CatalogEntryKind, items: CatalogItem[]): Group => ({ text, kind, items });
const candidate = (groups: Group[], patch: Partial<Candidate> = {}): Candidate => ({
  url: `${SITE}tramites`,
  title: 'Trámites y servicios',
  matched: ['tramites y servicios'],
  groups,
  detail: 'read',
  ...patch,
});
const judge = (candidates: Candidate[]) =>
  citizenCentricPortal.evaluate(
    withGathered(evidenceMeeting([]), { serviceCatalog: ok({ candidates }) }),
    settings,
  );

// The example: a portal with five life events and seven services.
const lifeEvents = group('¿Qué le está pasando?', 'life-event', [
  item('Nacimiento', 'life-event', 'tramites/partida'),
  item('Abrir un negocio', 'life-event', 'tramites/patente'),
  item('Obtener mi DPI', 'life-event', 'tramites/dpi'),
  item('Me mudé', 'life-event', 'tramites/domicilio'),
  item('Perdí mis documentos', 'life-event', 'tramites/reposicion'),
]);
const services = group('Trámites más solicitados', 'task', [
  item('Solicitar pasaporte', 'service', 'tramites/pasaporte'),
  item('Renovar licencia', 'service', 'tramites/licencia'),
]);
// The trap: a list of directorates with twenty links.
const directorates = group(
  'Nuestras direcciones',
  'other',
  Array.from({ length: 20 }, (_, i) =>
    item(
      `${['Dirección', 'Departamento', 'Unidad', 'Subdirección'][i % 4]} de Área ${i + 1}`,
      'org-unit',
      `direcciones/${i + 1}`,
    ),
  ),
);

describe('citizen_centric_portal', () => {
  it('a portal with five life events and seven services is citizen-centric; the evidence shows the groups read', () => {
    const result = judge([candidate([lifeEvents, services])]);
    expect(result.outcome).toBe('pass');
    expect(result.reason.en).toBe(
      '"Trámites y servicios" organises its services around what people need: 7 entries by need (life events, audiences, tasks or topics) leading to 7 services.',
    );
    expect(result.evidence[0]?.detail).toContain(
      'needs: 7 (6 life-event, 1 task); org-chart units: 0; links to services: 7; share of needs 100 %',
    );
    expect(result.evidence[0]?.detail).toContain(
      '"¿Qué le está pasando?" [life-event] → "Nacimiento" [life-event, service page]',
    );
  });

  it('trap: a list of directorates with twenty links is organised by the org chart, not by needs', () => {
    const result = judge([candidate([directorates], { title: 'Servicios' })]);
    expect(result.outcome).toBe('fail');
    expect(result.reason.en).toBe(
      'Services are presented by the org chart: on "Servicios" 20 of 20 entries are units of the institution (directorates, departments), not people\'s needs.',
    );
  });

  it('trap: needs drowned in the org chart fail the share; the share is met exactly at its threshold', () => {
    const units = (n: number) =>
      group(
        'Dependencias',
        'org-unit',
        Array.from({ length: n }, (_, i) => item(`Dirección ${i}`, 'org-unit', `d/${i}`)),
      );
    const plain = group('Servicios', 'other', services.items);
    // 6 needs (the section and its 5 events); a group of n units is n + 1 units (its heading counts too).
    expect(organisationOf(candidate([lifeEvents, plain, units(4)]), settings).needShare).toBeCloseTo(6 / 11);
    expect(judge([candidate([lifeEvents, plain, units(4)])]).outcome).toBe('fail');
    expect(organisationOf(candidate([lifeEvents, plain, units(3)]), settings).needShare).toBe(0.6);
    expect(settings.minNeedShare).toBe(0.6);
    expect(judge([candidate([lifeEvents, plain, units(3)])]).outcome).toBe('pass');
  });

  it('thresholds: one need short, one service short', () => {
    const events = (n: number) => group('Hechos de vida', 'life-event', lifeEvents.items.slice(0, n));
    const many = group(
      'Servicios',
      'other',
      Array.from({ length: 10 }, (_, i) => item(`Servicio ${i}`, 'service', `s/${i}`)),
    );
    // The group heading "Hechos de vida" is itself a need once it has enough items.
    expect(judge([candidate([events(settings.minNeedEntries - 1), many])]).outcome).toBe('pass');
    expect(
      judge([
        candidate([group('Otros', 'other', lifeEvents.items.slice(0, settings.minNeedEntries - 1)), many]),
      ]).outcome,
    ).toBe('fail');
    const few = group(
      'Más',
      'other',
      Array.from({ length: settings.minServiceLinks }, (_, i) => item(`Evento ${i}`, 'life-event', `e/${i}`)),
    );
    expect(judge([candidate([few])]).outcome).toBe('pass');
    const fewer = group(
      'Más',
      'other',
      few.items.map((i, n) => ({ ...i, leadsToService: n === 0 ? false : i.leadsToService })),
    );
    expect(judge([candidate([fewer])]).outcome).toBe('fail');
  });

  it('links whose target was not analysed count as services only when they name one', () => {
    const o = organisationOf(
      candidate([
        group('Vehículos', 'topic', [
          item('Renovar licencia', 'service', 'a', null),
          item('Nacimiento', 'life-event', 'b', null),
        ]),
      ]),
      settings,
    );
    expect(o.services).toEqual([`${SITE}a`]);
  });

  it('a services page whose layout could not be read is inconclusive, not "not citizen-centric"', () => {
    const result = judge([candidate([], { unread: 'net::ERR_CONNECTION_RESET' })]);
    expect(result.outcome).toBe('inconclusive');
    expect(result.evidence[0]?.detail).toContain('layout not read (net::ERR_CONNECTION_RESET)');
  });

  it('no services page at all fails', () => {
    expect(judge([]).reason.en).toBe('No page presenting procedures and services was found.');
  });
});
