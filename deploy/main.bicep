// Security Workshops bot on Azure: App Service (Linux, Node 26 LTS), Cosmos DB for NoSQL (serverless)
// and an Azure Bot, all signed in with one user-assigned managed identity: no secret to keep.
targetScope = 'resourceGroup'

@description('Short name used to derive resource names.')
@minLength(3)
@maxLength(20)
param name string = 'secworkshops'

param location string = resourceGroup().location

@description('App Service plan SKU; B1 or larger keeps the bot always on.')
param appServiceSku string = 'B1'

@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'

@description('Time zone of people whose own the bot has not learned yet (IANA name).')
param reminderTimeZone string = 'UTC'

@secure()
@description('Signs the links to customers\' engagement reports: base64 of 32 bytes or more (openssl rand -base64 48). Kept in Key Vault.')
param reportSigningKey string

@description('Named in every report link; raise it with a new reportSigningKey to retire every link of the old key.')
param reportKeyVersion int = 1

var suffix = uniqueString(resourceGroup().id, name)
var tenantId = subscription().tenantId
var appName = '${name}-app-${suffix}'

// The report links' signing key, read by the app through a Key Vault reference with its own identity.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${name}-kv-${take(suffix, 8)}'
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
}

resource reportKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'report-signing-key'
  properties: { value: reportSigningKey }
}

// Key Vault Secrets User, for the bot's identity only.
resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, 'secrets-user')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id-${suffix}'
  location: location
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: '${name}-cosmos-${suffix}'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: location, failoverPriority: 0 }]
    capabilities: [{ name: 'EnableServerless' }]
    // Point-in-time restore to any second of the last 7 days, into a new account (README, "Backups"); the
    // 7-day tier costs nothing until a restore. Redeploying over an account made with the periodic default
    // migrates it, one way.
    backupPolicy: { type: 'Continuous', continuousModeProperties: { tier: 'Continuous7Days' } }
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: 'security-workshops'
  properties: { resource: { id: 'security-workshops' } }
}

// The containers the bot uses (src/store/cosmosContainers.ts), each indexing only what it queries. The bot's
// identity may read and write documents but not create containers, so they are declared here. engagementData
// holds each engagement and its trail in one partition (one transactional batch per change); members finds a
// person's engagements in the person's own partition.
var containers = [
  { id: 'engagementData', partitionKey: '/engagementId', indexed: ['/kind/?', '/seq/?', '/taskId/?', '/playbookId/?', '/playbookVersion/?'] }
  { id: 'members', partitionKey: '/personKey', indexed: ['/personKey/?'] }
  { id: 'people', partitionKey: '/id', indexed: ['/nextDigestAt/?'] }
  { id: 'sends', partitionKey: '/id', indexed: [] }
  { id: 'playbookVersions', partitionKey: '/playbookId', indexed: [] }
]

resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [
  for container in containers: {
    parent: database
    name: container.id
    properties: {
      resource: {
        id: container.id
        partitionKey: { paths: [container.partitionKey], kind: 'Hash' }
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: map(container.indexed, path => { path: path })
          excludedPaths: [{ path: '/*' }]
        }
      }
    }
  }
]

// Cosmos DB Built-in Data Contributor, for the bot's identity only.
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, 'data-contributor')
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs-${suffix}'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

// Requests, calls to Teams and Cosmos DB, exceptions and the bot's counters (no personal data).
resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights-${suffix}'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: logs.id, DisableLocalAuth: false }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|26'
      alwaysOn: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/readyz'
      appCommandLine: 'node dist/index.js'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'PORT', value: '8080' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'LOG_LEVEL', value: logLevel }
        { name: 'PLAYBOOKS_DIR', value: './playbooks' }
        { name: 'DATA_DIR', value: '/home/data' }
        { name: 'COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'COSMOS_KEY', value: '' }
        { name: 'COSMOS_DATABASE', value: database.name }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppPassword', value: '' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppTenantId', value: tenantId }
        { name: 'ALLOW_UNAUTHENTICATED', value: 'false' }
        { name: 'CONNECTOR_TIMEOUT_MS', value: '10000' }
        { name: 'STORE_TIMEOUT_MS', value: '5000' }
        { name: 'SHUTDOWN_TIMEOUT_MS', value: '10000' }
        { name: 'SHUTDOWN_DRAIN_MS', value: '3000' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'REMINDER_HOUR', value: '9' }
        { name: 'REMINDER_TIMEZONE', value: reminderTimeZone }
        { name: 'REMINDER_LEAD_DAYS', value: '5' }
        { name: 'REMINDER_ESCALATE_AFTER_DAYS', value: '3' }
        { name: 'REMINDER_SWEEP_SECONDS', value: '60' }
        { name: 'REMINDER_CLAIM_LEASE_SECONDS', value: '300' }
        { name: 'PUBLIC_URL', value: 'https://${appName}.azurewebsites.net' }
        { name: 'REPORT_SIGNING_KEY', value: '@Microsoft.KeyVault(SecretUri=${reportKeySecret.properties.secretUri})' }
        { name: 'REPORT_KEY_VERSION', value: string(reportKeyVersion) }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'Security Workshops'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenantId
    disableLocalAuth: true
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output appUrl string = 'https://${app.properties.defaultHostName}'
output botAppId string = identity.properties.clientId
