import { join } from 'node:path';
import { loadCatalog } from '../../src/playbook/catalog';

const catalog = loadCatalog(join(__dirname, '../../playbooks'));
const playbook = catalog.playbooks[0]!;
const tasks = playbook.workshops.flatMap((w) => w.tasks);

describe('the shipped security workshops playbook', () => {
  it('is the only playbook and has three workshops in order', () => {
    expect(catalog.playbooks.map((p) => p.id)).toEqual(['assess-conduct-security-workshops']);
    expect(playbook.title).toBe('Conduct Security Workshops');
    expect(playbook.phase).toBe('Assess');
    expect(playbook.motions).toEqual(['Customer Health', 'RFA', 'Targeting']);
    expect(playbook.workshops.map((w) => w.name)).toEqual([
      'Identity Security',
      'Device Security',
      'Information Security',
    ]);
  });

  it('has eleven tasks of which seven are mandatory', () => {
    expect(tasks).toHaveLength(11);
    expect(tasks.filter((t) => t.mandatory)).toHaveLength(7);
  });

  it.each([
    ['SME', ['2533', '4084', '4078', '3997']],
    ['FastTrack Manager', ['2460', '4079']],
    ['FastTrack Engineer', ['3747']],
  ])('gives %s the mandatory tasks %j', (role, ids) => {
    expect(tasks.filter((t) => t.mandatory && t.role === role).map((t) => t.id)).toEqual(ids);
  });

  it('takes the roles from the playbook', () => {
    expect(playbook.roles.sort()).toEqual(['FastTrack Engineer', 'FastTrack Manager', 'SME']);
  });

  it('keeps task names exactly as written, en dashes included', () => {
    expect(tasks.map((t) => [t.id, t.name])).toEqual([
      ['2533', 'Azure AD Premium – Technical Workshop'],
      ['2460', 'Intune - Conduct Microsoft Intune Workshop'],
      ['4084', 'Intune - Conduct Microsoft Modern Management Assessment'],
      ['4079', 'MDATP Business Value Deck'],
      ['4078', 'MDATP – Position MDATP over 3rd Party AV'],
      ['4085', 'Deliver MDATP BVD'],
      ['3747', 'Exchange Online Protection Workshop'],
      ['3748', 'Data Loss Prevention Workshop'],
      ['3749', 'Office 365 Message Encryption Workshop'],
      ['3750', 'Office 365 Advanced Threat Protection Business Value Deck'],
      ['3997', 'MIP – MIP Workshop'],
    ]);
  });

  it('splits services into a list', () => {
    expect(catalog.task(playbook.id, '3748')?.services).toEqual(['Exchange', 'OneDrive for Business', 'SharePoint']);
    expect(catalog.task(playbook.id, '3750')?.services).toEqual(['Exchange', 'OATP']);
  });

  it('reads workshop headers, including an Applies To value that spans two lines', () => {
    const info = playbook.workshops[2]!;
    expect(info.primaryRole).toBe('FastTrack Engineer');
    expect(info.motions).toEqual(['Customer Health', 'RFA', 'Targeting']);
    expect(info.appliesTo).toEqual(['Exchange', 'OneDrive for Business', 'Outlook Mobile', 'SharePoint', 'OATP']);
    expect(info.successCriteria).toEqual([
      'Identify what information the customer wants to protect',
      'Determine and establish access, retention and information protection policies',
    ]);
    expect(playbook.workshops[1]!.appliesTo).toEqual(['Intune', 'MDATP', 'Windows 10']);
  });

  it('reads success criteria and description of the identity workshop', () => {
    const identity = playbook.workshops[0]!;
    expect(identity.successCriteria).toHaveLength(3);
    expect(identity.successCriteria[0]).toBe(
      'Understand customer’s business requirements and needs related to users, devices, apps, and data',
    );
    expect(identity.description).toMatch(/^Securing users, apps, devices, and data is critically important/);
    expect(identity.description).not.toContain('Success Criteria');
  });

  it('reads objectives, key inputs, key outputs, next steps and the refresh summary', () => {
    expect(playbook.objectives).toHaveLength(3);
    expect(playbook.keyInputs).toEqual(['M365 Security Conversation completed', 'Deploy Securely tasks completed']);
    expect(playbook.keyOutputs).toHaveLength(3);
    expect(playbook.keyOutputs[2]).toBe(
      "Document the areas the customer doesn't plan to enable along with the reasons why.",
    );
    expect(playbook.nextSteps).toEqual([
      {
        text: 'Based on identified workloads to onboard, proceed to Conduct Services Workshops.',
        links: [{ title: 'Conduct Services Workshops', href: './assess-conduct-services-workshops.md' }],
      },
      {
        text: 'If no workshops are required, proceed to Address Technical Gaps.',
        links: [{ title: 'Address Technical Gaps', href: './remediate-address-technical-gaps.md' }],
      },
    ]);
    expect(playbook.refreshSummary[0]).toEqual({
      date: '10/25/2019',
      who: 'Ryan Meehan',
      what: 'Added tasks 4078, 4079, 4084',
    });
    expect(playbook.refreshSummary).toHaveLength(4);
  });
});
