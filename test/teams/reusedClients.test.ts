import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { ReusedClientsAuthentication } from '../../src/teams/http/reusedClients';

const settings = { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' };
const activity = (serviceUrl: string) =>
  ({ type: 'message', serviceUrl, channelId: 'msteams', conversation: { id: 'c' } }) as Activity;

describe('the Bot Framework clients of a turn', () => {
  const auth = new ReusedClientsAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings));

  it('are built once per service URL and reused by every later turn', async () => {
    const turn = async (serviceUrl: string) => {
      const result = await auth.authenticateRequest(activity(serviceUrl), '');
      return result.connectorFactory!.create(serviceUrl, result.audience);
    };
    const first = await turn('https://smba.trafficmanager.net/emea/');
    expect(await turn('https://smba.trafficmanager.net/emea/')).toBe(first);
    const other = await turn('https://smba.trafficmanager.net/amer/');
    expect(other).not.toBe(first);
  });

  it('share one user token client per app', async () => {
    const { claimsIdentity } = await auth.authenticateRequest(activity('https://smba.trafficmanager.net/emea/'), '');
    const first = await auth.createUserTokenClient(claimsIdentity);
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(first);
  });
});
