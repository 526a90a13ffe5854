import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, readConfig } from '../src/config';
import { COSMOS_CONTAINERS } from '../src/store/cosmosContainers';

const ROOT = join(__dirname, '..');
const sorted = (values: Iterable<string>) => [...values].sort();

describe('configuration is documented and deployed as it is read', () => {
  it('the Bicep template sets exactly the variables config.ts reads', () => {
    const bicep = readFileSync(join(ROOT, 'deploy/main.bicep'), 'utf8');
    const start = bicep.indexOf('appSettings: [');
    const settings = bicep.slice(start, bicep.indexOf('\n      ]', start));
    const names = [...settings.matchAll(/name: '([^']+)'/g)].map((m) => m[1]!);
    expect(sorted(names)).toEqual(sorted(CONFIG_VARIABLES));
  });

  it('the Bicep template declares every Cosmos DB container the bot opens, with its partition key and index', () => {
    const bicep = readFileSync(join(ROOT, 'deploy/main.bicep'), 'utf8');
    const declared = [
      ...bicep.matchAll(/\{ id: '([A-Za-z]+)', partitionKey: '([^']+)', indexed: \[([^\]]*)\] \}/g),
    ].map((m) => [m[1], { partitionKey: m[2], indexed: [...m[3]!.matchAll(/'([^']+)'/g)].map((p) => p[1]) }]);
    expect(Object.fromEntries(declared)).toEqual(COSMOS_CONTAINERS);
    expect(bicep).toContain("excludedPaths: [{ path: '/*' }]");
  });

  it('the Cosmos DB account keeps continuous backup, so it can be restored to any second of the last 7 days', () => {
    const bicep = readFileSync(join(ROOT, 'deploy/main.bicep'), 'utf8');
    const account = bicep.slice(bicep.indexOf("resource cosmos '"), bicep.indexOf("resource database '"));
    expect(account).toContain(
      "backupPolicy: { type: 'Continuous', continuousModeProperties: { tier: 'Continuous7Days' } }",
    );
  });

  it('App Service runs the Node major the project brings, which the SQLite module in the zip is built for', () => {
    const bicep = readFileSync(join(ROOT, 'deploy/main.bicep'), 'utf8');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      engines: { node: string };
    };
    const appService = /linuxFxVersion: 'NODE\|(\d+)(-lts)?'/.exec(bicep)?.[1];
    expect(appService).toBe(pkg.devDependencies.node!.split('.')[0]);
    expect(Number(appService)).toBeGreaterThanOrEqual(Number(/\d+/.exec(pkg.engines.node)![0]));
  });

  it('.env.example documents every variable', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const names = [...example.matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]!);
    expect(sorted(names)).toEqual(sorted(CONFIG_VARIABLES));
  });

  it('the README configuration table lists every variable', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const table = section.slice(0, section.indexOf('\n## ', 5));
    const names = [...table.matchAll(/^\| `([A-Za-z_]+)`\s*\|/gm)].map((m) => m[1]!);
    expect(sorted(names)).toEqual(sorted(CONFIG_VARIABLES));
  });

  it('the deployed settings make a valid production configuration that signs in with the managed identity', () => {
    const config = readConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '0.0.0.0',
      COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
      COSMOS_KEY: '',
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: '',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: '99999999-8888-7777-6666-555555555555',
      PUBLIC_URL: 'https://secworkshops-app-abc.azurewebsites.net',
      REPORT_SIGNING_KEY: Buffer.alloc(48, 1).toString('base64'),
      REPORT_KEY_VERSION: '1',
    });
    expect(config.storage).toMatchObject({
      kind: 'cosmos',
      managedIdentityClientId: '11111111-2222-3333-4444-555555555555',
    });
    expect(config.allowedTenantId).toBe('99999999-8888-7777-6666-555555555555');
  });
});
