import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
}

/**
 * The people of the Agents Playground's built-in configuration, in its order: the first is who the page acts
 * as. Same ids, same tenant and team as the built-in file, so an engagement set up as one of them is the same
 * engagement when the page acts as another.
 */
const PEOPLE: PlaygroundUser[] = ['Alex Wilber', 'Megan Bowen', 'Adele Vance', 'Isaiah Langer', 'Patti Fernandez', 'Lynne Robbins'].map(
  (name, i) => ({ id: `user-id-${i}`, name, aadObjectId: `00000000-0000-0000-0000-00000000000${20 + i}` }),
);

const userYaml = (u: PlaygroundUser, indent: string): string => {
  const [given, surname] = u.name.split(' ');
  const email = `${given!.toLowerCase()}${surname![0]!.toLowerCase()}@example.com`;
  return [
    `id: ${u.id}`,
    `name: ${u.name}`,
    `userPrincipleName: ${email}`,
    `aadObjectId: ${u.aadObjectId}`,
    `givenName: ${given}`,
    `surname: ${surname}`,
    `email: ${email}`,
  ].join(`\n${indent}`);
};

/** The Playground person a first or full name names ("lynne", "Lynne Robbins"), or undefined. */
export function playgroundUser(name: string): PlaygroundUser | undefined {
  const wanted = name.trim().toLowerCase();
  return PEOPLE.find((p) => p.name.toLowerCase() === wanted || p.name.split(' ')[0]!.toLowerCase() === wanted);
}

export const playgroundUserNames = (): string[] => PEOPLE.map((p) => p.name);

/** A folder whose .m365agentsplayground.yml makes the page act as `as`; the Playground reads it from its cwd. */
export function playgroundFolderActingAs(as: PlaygroundUser): string {
  const others = PEOPLE.filter((p) => p.id !== as.id);
  const yaml = [
    'version: "0.1.1"',
    'tenantId: 00000000-0000-0000-0000-0000000000001',
    'bot:',
    '  id: 00000000-0000-0000-0000-00000000000011',
    '  name: Test Bot',
    'currentUser:',
    `  ${userYaml(as, '  ')}`,
    'users:',
    ...others.map((u) => `  - ${userYaml(u, '    ')}`),
    'personalChat:',
    `  id: personal-chat-${as.id}`,
    'groupChat:',
    '  id: group-chat-id',
    '  name: Group Chat',
    'team:',
    '  id: team-id',
    '  name: My Team',
    '  aadGroupId: 00000000-0000-0000-0000-000000000031',
    '  channels:',
    '    - id: channel-announcements-id',
    '      name: Announcements',
    '',
  ].join('\n');
  const folder = mkdtempSync(join(tmpdir(), 'playground-as-'));
  writeFileSync(join(folder, '.m365agentsplayground.yml'), yaml);
  return folder;
}
