import { CatalogueError } from './catalogue-error.js';
import { parseCatalogue } from './parse-catalogue.js';
import { catalogue, defaultCatalogueJson } from '../testing/default-catalogue.js';

type Json = Record<string, any>;  

const matter = (json: Json, id: string): Json => (json.matters as Json[]).find((m) => m.id === id)!;

function refusal(mutate: (json: Json) => void): string {
  const json = defaultCatalogueJson() as Json;
  mutate(json);
  try {
    parseCatalogue(json, 'sha256:x');
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(CatalogueError);
    return (error as Error).message;
  }
  throw new Error('expected a CatalogueError');
}

describe('the default catalogue', () => {
  it('gives every matter the default stageDueHours (48) and takes a fractional one', () => {
    expect(Object.values(catalogue.matters).map((m) => m.stageDueHours)).toEqual(Object.values(catalogue.matters).map(() => 48));
    const json = defaultCatalogueJson() as Json;
    matter(json, 'fee.waive').stageDueHours = 2.5;
    expect(parseCatalogue(json, 'sha256:x').matters['fee.waive']?.stageDueHours).toBe(2.5);
  });

  it('parses and records the version it was given', () => {
    expect(catalogue.version).toBe('sha256:test');
    expect(Object.keys(catalogue.matters).sort()).toEqual([
      'authorization.notice.issue', 'compensation.issue', 'complaint.plan.review', 'customer.data.export',
      'fee.waive', 'system.production.access', 'team.schedule.adjust',
    ]);
  });

  it('resolves inheritance: supervisor ⊇ agent, manager ⊇ supervisor', () => {
    const { agent, supervisor, manager, executive, compliance, tech_support } = catalogue.baselines;
    expect(agent).toEqual(['inquiry.answer', 'complaint.general.handle', 'order.process', 'customer.info.modify']);
    expect(supervisor).toEqual([...agent, 'team.schedule.adjust', 'complaint.plan.review', 'team.performance.report']);
    expect(manager).toEqual([...supervisor, 'resources.allocate', 'staff.evaluate', 'complaint.plan.approve', 'business.decision.major', 'authorization.notice.issue']);
    expect(tech_support).toEqual(['system.maintain', 'system.incident.resolve', 'training.deliver']);
    expect(executive).toEqual([]);
    expect(compliance).toEqual([]);
  });

  it('names every authority and matter in Traditional Chinese and English', () => {
    for (const id of [...Object.values(catalogue.baselines).flat(), ...Object.keys(catalogue.matters)]) {
      expect(catalogue.authorities[id]?.names['zh-Hant']).toMatch(/\S/);
      expect(catalogue.authorities[id]?.names.en).toMatch(/\S/);
    }
    expect(catalogue.authorities['compensation.issue']?.names).toEqual({ 'zh-Hant': '發放客戶補償', en: 'Issue goodwill compensation' });
    expect(catalogue.roleNames?.manager.en).toBe('Call-center manager');
  });

  it('carries the policy of each matter', () => {
    expect(catalogue.matters['compensation.issue']).toMatchObject({
      eligibleRoles: ['agent', 'supervisor'],
      scope: { maxAmount: { min: 1, max: 100000, currency: 'CNY' }, channels: ['phone', 'chat', 'email'] },
      maxValidityDays: 180,
      finalApproval: { kind: 'maxAmountAbove', threshold: 2000 },
    });
    expect(catalogue.matters['fee.waive']?.finalApproval).toEqual({ kind: 'maxAmountAbove', threshold: 1000 });
    expect(catalogue.matters['customer.data.export']).toMatchObject({ maxValidityDays: 7, finalApproval: { kind: 'always' }, trainingRequired: ['privacy-basics'] });
    expect(catalogue.matters['system.production.access']?.trainingRequired).toEqual(['production-safety']);
    expect(catalogue.matters['customer.data.export']?.copies).toEqual({ required: ['compliance'], default: ['it-security'] });
    expect(catalogue.matters['team.schedule.adjust']?.copies).toBeUndefined();
    expect(catalogue.matters['team.schedule.adjust']).toMatchObject({ scope: {}, maxValidityDays: 30, finalApproval: { kind: 'never' }, trainingRequired: [] });
  });
});

describe('the departments copies go to (SPEC §12)', () => {
  it('names every department a default copy rule names, in both languages, in the file’s order', () => {
    const rules = Object.values(catalogue.matters).flatMap((m) => [...(m.copies?.required ?? []), ...(m.copies?.default ?? [])]);
    for (const department of new Set(rules)) expect([department, catalogue.departments?.[department]?.names['zh-Hant']]).toEqual([department, expect.any(String)]);
    expect(catalogue.departments?.['finance']?.names).toEqual({ 'zh-Hant': '財務部', en: 'Finance' });
    expect(Object.keys(catalogue.departments ?? {}).slice(0, 2)).toEqual(['finance', 'quality']);
  });

  it('are optional (a catalogue without them names no department)', () => {
    const json = defaultCatalogueJson() as Json;
    delete json.departments;
    expect(parseCatalogue(json, 'sha256:x').departments).toBeUndefined();
  });

  it('refuses a slug that is not one, a repeated one, and missing names', () => {
    expect(refusal((json) => json.departments.push({ id: 'Finance', names: { 'zh-Hant': '財', en: 'F' } }))).toMatch(/^departments\[\d+\]\.id: "Finance" is not a lower-case department slug/);
    expect(refusal((json) => json.departments.push({ id: 'finance', names: { 'zh-Hant': '財', en: 'F' } }))).toMatch(/^departments\.finance: duplicate id/);
    expect(refusal((json) => json.departments.push({ id: 'legal' }))).toMatch(/^departments\.legal\.names: required/);
    expect(refusal((json) => json.departments.push({ id: 'legal', names: { 'zh-Hant': '法務部', en: 'Legal' }, head: 'X01' }))).toMatch(/^departments\[\d+\]/);
  });
});

describe('parseCatalogue refuses', () => {
  it.each<[string, (json: Json) => void, string]>([
    ['a non-object', (json) => { json.roles = []; }, 'roles: must be an object'],
    ['an unknown top-level key', (json) => { json.extra = 1; }, 'catalogue.extra: unknown key'],
    ['an unknown role', (json) => { json.roles.janitor = { names: { 'zh-Hant': '工', en: 'J' }, authorities: [] }; }, 'roles.janitor: unknown key'],
    ['a missing role', (json) => { delete json.roles.compliance; }, 'roles.compliance: missing'],
    ['an unknown inherited role', (json) => { json.roles.supervisor.inherits = 'boss'; }, 'roles.supervisor.inherits: unknown role "boss"'],
    ['an inheritance cycle', (json) => { json.roles.agent.inherits = 'manager'; }, 'roles.agent.inherits: inheritance cycle agent → manager → supervisor → agent'],
    ['a role authority that does not exist', (json) => { json.roles.agent.authorities.push('coffee.make'); }, 'roles.agent.authorities[4]: unknown authority "coffee.make"'],
    ['a duplicate authority in a role', (json) => { json.roles.agent.authorities.push('order.process'); }, 'roles.agent.authorities[4]: duplicate order.process'],
    ['a duplicate authority id', (json) => { json.authorities.push({ id: 'order.process', names: { 'zh-Hant': '訂單', en: 'Orders' } }); }, 'authorities.order.process: duplicate id'],
    ['an authority without names', (json) => { delete json.authorities[0].names; }, 'authorities.inquiry.answer.names: required'],
    ['a malformed id', (json) => { json.authorities[0].id = 'Bad Id'; }, 'authorities[0].id: "Bad Id" is not a dotted lower-case id'],
    ['a duplicate matter id', (json) => { json.matters.push({ ...matter(json, 'fee.waive') }); }, 'matters.fee.waive: duplicate id'],
    ['a matter also listed as authority', (json) => { json.authorities.push({ id: 'fee.waive', names: { 'zh-Hant': '減免', en: 'Waive' } }); }, 'matters.fee.waive: id also listed in authorities'],
    ['a matter with no names', (json) => { delete matter(json, 'fee.waive').names; }, 'matters.fee.waive.names: required'],
    ['a matter name that is blank', (json) => { matter(json, 'fee.waive').names.en = ' '; }, 'matters.fee.waive.names.en: must be a non-empty string'],
    ['an unknown eligible role', (json) => { matter(json, 'fee.waive').eligibleRoles = ['agent', 'intern']; }, 'matters.fee.waive.eligibleRoles[1]: unknown role "intern"'],
    ['no eligible role', (json) => { matter(json, 'fee.waive').eligibleRoles = []; }, 'matters.fee.waive.eligibleRoles: must name at least one role'],
    ['maxValidityDays zero', (json) => { matter(json, 'fee.waive').maxValidityDays = 0; }, 'matters.fee.waive.maxValidityDays: must be a positive integer'],
    ['maxValidityDays fractional', (json) => { matter(json, 'fee.waive').maxValidityDays = 1.5; }, 'matters.fee.waive.maxValidityDays: must be a positive integer'],
    ['an unknown finalApproval kind', (json) => { matter(json, 'fee.waive').finalApproval = { kind: 'sometimes' }; }, 'matters.fee.waive.finalApproval.kind: must be'],
    ['a threshold that is not a number', (json) => { matter(json, 'fee.waive').finalApproval.threshold = '1000'; }, 'matters.fee.waive.finalApproval.threshold: must be a positive integer'],
    ['maxAmountAbove without maxAmount', (json) => { matter(json, 'team.schedule.adjust').finalApproval = { kind: 'maxAmountAbove', threshold: 5 }; }, 'matters.team.schedule.adjust.finalApproval: maxAmountAbove needs scope.maxAmount'],
    ['a threshold on "always"', (json) => { matter(json, 'customer.data.export').finalApproval.threshold = 1; }, 'matters.customer.data.export.finalApproval.threshold: not allowed'],
    ['scope bounds reversed', (json) => { matter(json, 'fee.waive').scope.maxAmount.min = 200000; }, 'matters.fee.waive.scope.maxAmount.max: must not be below min'],
    ['a scope minimum of zero', (json) => { matter(json, 'fee.waive').scope.maxAmount.min = 0; }, 'matters.fee.waive.scope.maxAmount.min: must be a positive integer'],
    ['a bad currency', (json) => { matter(json, 'fee.waive').scope.maxAmount.currency = 'yuan'; }, 'matters.fee.waive.scope.maxAmount.currency: must be an ISO-4217 code'],
    ['an unknown channel', (json) => { matter(json, 'fee.waive').scope.channels = ['phone', 'fax']; }, 'matters.fee.waive.scope.channels[1]: unknown channel "fax"'],
    ['empty channels', (json) => { matter(json, 'fee.waive').scope.channels = []; }, 'matters.fee.waive.scope.channels: must not be empty'],
    ['an unknown scope key', (json) => { matter(json, 'fee.waive').scope.minAmount = 1; }, 'matters.fee.waive.scope.minAmount: unknown key'],
    ['a missing scope', (json) => { delete matter(json, 'fee.waive').scope; }, 'matters.fee.waive.scope: required'],
    ['an unknown matter key', (json) => { matter(json, 'fee.waive').approver = 'M1'; }, 'matters.fee.waive.approver: unknown key'],
    ['a blank training course', (json) => { matter(json, 'fee.waive').trainingRequired = ['']; }, 'matters.fee.waive.trainingRequired[0]: must be a non-empty string'],
    ['a department that is not a slug', (json) => { matter(json, 'fee.waive').copies = { required: ['Finance'] }; }, 'matters.fee.waive.copies.required[0]: "Finance" is not a lower-case department slug'],
    ['a duplicate default department', (json) => { matter(json, 'fee.waive').copies = { default: ['finance', 'finance'] }; }, 'matters.fee.waive.copies.default[1]: duplicate finance'],
    ['an unknown copies key', (json) => { matter(json, 'fee.waive').copies = { always: ['finance'] }; }, 'matters.fee.waive.copies.always: unknown key'],
    ['a zero stageDueHours', (json) => { matter(json, 'fee.waive').stageDueHours = 0; }, 'matters.fee.waive.stageDueHours: must be a positive number of hours'],
    ['a textual stageDueHours', (json) => { matter(json, 'fee.waive').stageDueHours = '48'; }, 'matters.fee.waive.stageDueHours: must be a positive number of hours'],
  ])('%s', (_name, mutate, message) => {
    expect(refusal(mutate)).toContain(message);
  });

  it('an empty version', () => {
    expect(() => parseCatalogue(defaultCatalogueJson(), '')).toThrow('version: must be a non-empty string');
  });
});
