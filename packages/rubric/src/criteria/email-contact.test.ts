import { describe, expect, it } from 'vitest';
import type { ContactEvidence } from '../evidence/maturity.js';
import { defaultRubric } from '../rubric-config.js';
import { SITE, evidenceMeeting, ok, withGathered } from '../test-support/evidence-builders.js';
import { emailContact } from './email-contact.js';

const settings = defaultRubric.criteria.email_contact;
const page = `${SITE}contacto`;
const none: ContactEvidence = { mailto: [], visibleAddresses: [], contactForms: [] };
const form = {
  url: page,
  action: `${SITE}enviar`,
  method: 'post',
  fields: ['nombre', 'correo', 'mensaje'],
  looksLikeContactForm: true,
  targetWorks: true,
  detail: 'target answered 200',
};

function withContact(contact: Partial<ContactEvidence>) {
  return withGathered(evidenceMeeting([]), { contact: ok({ ...none, ...contact }) });
}

describe('email_contact', () => {
  it('passes with a mailto link', () => {
    const result = emailContact.evaluate(
      withContact({ mailto: [{ url: page, address: 'info@minejemplo.gob.gt' }] }),
      settings,
    );
    expect(result).toMatchObject({
      outcome: 'pass',
      evidence: [{ url: page, detail: 'mailto: link to info@minejemplo.gob.gt' }],
    });
  });

  it('passes with an obfuscated visible address', () => {
    const result = emailContact.evaluate(
      withContact({ visibleAddresses: [{ url: page, address: 'info@minejemplo.gob.gt', obfuscated: true }] }),
      settings,
    );
    expect(result.outcome).toBe('pass');
    expect(result.evidence[0]!.detail).toContain('obfuscated');
  });

  it('passes with a working contact form, fails when its target does not work', () => {
    expect(emailContact.evaluate(withContact({ contactForms: [form] }), settings).outcome).toBe('pass');
    const dead = emailContact.evaluate(
      withContact({ contactForms: [{ ...form, targetWorks: false }] }),
      settings,
    );
    expect(dead.outcome).toBe('fail');
    expect(dead.reason.en).toContain('1 contact forms point to a target that does not answer');
  });

  it('a search form is not a contact form', () => {
    expect(
      emailContact.evaluate(
        withContact({ contactForms: [{ ...form, looksLikeContactForm: false }] }),
        settings,
      ).outcome,
    ).toBe('fail');
  });

  it('placeholders and retina image names are not addresses', () => {
    const result = emailContact.evaluate(
      withContact({
        visibleAddresses: [
          { url: page, address: 'usuario@ejemplo.com', obfuscated: false },
          { url: page, address: 'logo@2x.png', obfuscated: false },
        ],
      }),
      settings,
    );
    expect(result.outcome).toBe('fail');
  });

  it('fails with nothing at all', () => {
    expect(emailContact.evaluate(withContact({}), settings).outcome).toBe('fail');
  });
});
