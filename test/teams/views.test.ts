import { setupView } from '../../src/teams/views/setup';
import { anEngagement, people, seedPlaybook } from '../fixtures/engagement';

describe('the settings card shows what is set', () => {
  it('offers the current people as choices, so Teams pre-fills the pickers, and names them in words', () => {
    const engagement = anEngagement();
    const view = setupView(seedPlaybook, [people.stranger], engagement);
    const choices = view.people.map((p) => p.value);
    for (const role of view.roles) {
      for (const key of role.value.split(',').filter(Boolean)) expect(choices).toContain(key);
    }
    expect(view.roles.find((r) => r.role === 'SME')).toMatchObject({ value: 'aad-sam', current: 'Sam' });
    expect(view).toMatchObject({ contactsValue: 'aad-chris', contactsCurrent: 'Chris' });
    expect(choices).toContain('aad-stan');
  });
});
