// SecretBot on Azure, in Europe: a regional Azure Bot with the Teams channel, a Linux web app on
// .NET 10 in West Europe, Application Insights, Key Vault for the secrets and, optionally, Azure
// Cache for Redis for the shared conversation state. See infra/README.md.
//
//   az deployment group create -g <group> --template-file infra/main.bicep --parameters infra/main.bicepparam

targetScope = 'resourceGroup'

metadata description = 'SecretBot: regional Azure Bot (Europe), Linux App Service on .NET 10, Application Insights, Key Vault, optional Redis.'

@description('Short lowercase name (letters and digits, 3 to 12) that starts every resource name; a suffix unique to the resource group follows it.')
@minLength(3)
@maxLength(12)
param baseName string = 'secretbot'

@description('Azure region of the web app and everything else but the bot (West Europe by default, for EU data residency).')
param location string = 'westeurope'

@description('Location of the Azure Bot resource: westeurope is its regional "Europe" data residency (the "global" option is not offered).')
@allowed([
  'westeurope'
])
param botLocation string = 'westeurope'

@description('Bot identity. UserAssignedMSI (default): the bot is a user-assigned managed identity created here, no secret at all. SingleTenant: the bot is an Entra app registration of this tenant, created beforehand (singleTenantAppId, singleTenantClientSecret). Multi-tenant is not offered: Azure refuses new multi-tenant bots since 31 July 2025.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string = 'UserAssignedMSI'

@description('SingleTenant only: the application (client) id of the bot\'s Entra app registration.')
param singleTenantAppId string = ''

@description('SingleTenant only: a client secret of that app registration. Stored in Key Vault, never in an app setting.')
@secure()
param singleTenantClientSecret string = ''

@description('Privacy:DigestKey, the secret behind every digest of an id in store keys and logs: base64 of at least 32 random bytes, e.g. `openssl rand -base64 32`. Keep it: a new key makes the stored state unreadable. Stored in Key Vault.')
@secure()
@minLength(44)
param digestKey string

@description('Bot display name.')
param botDisplayName string = 'SecretBot'

@description('Azure Bot pricing tier; Teams is a standard channel, so F0 is enough.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('App Service plan SKU (Linux): B1 for a trial, P0v3 or P1v3 for production. Always On needs Basic or above.')
param appServiceSku string = 'B1'

@description('Web app instances. More than one needs the shared state, so it applies only with deployRedis = true; without Redis there is always one instance.')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('Deploy Azure Cache for Redis (TLS only) and keep the conversation state there (State:Provider=Redis). Needed to run several instances.')
param deployRedis bool = false

@description('Azure Cache for Redis tier when deployRedis is true.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param redisSku string = 'Standard'

@description('Azure Cache for Redis size within its tier (C0 = 250 MB is plenty: the bot stores a few hundred bytes per conversation).')
@minValue(0)
@maxValue(6)
param redisCapacity int = 0

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Key Vault purge protection. Recommended for production; once on it cannot be turned off, and a deleted vault keeps its name for 90 days.')
param keyVaultPurgeProtection bool = true

@description('Optional: the référents\' Teams channel id (19:...@thread.tacv2) for "Demander l\'avis d\'un·e référent·e" (Escalation:ChannelId). Empty: no button.')
param escalationChannelId string = ''

@description('Optional: the référents\' channel name shown to users (Escalation:ChannelName).')
param escalationChannelName string = ''

@description('Optional: tenant id of the référents\' team (Escalation:TenantId); defaults to this deployment\'s tenant when a channel is set.')
param escalationTenantId string = ''

@description('Optional: more app settings, name to value (e.g. {"Bot__Language": "fr", "Bot__DefaultJurisdiction": "BE"}). Never put a secret here: add it to Key Vault and reference it.')
param additionalAppSettings object = {}

@description('Tags put on every resource.')
param tags object = {
  application: 'secretbot'
}

var suffix = uniqueString(subscription().id, resourceGroup().id, baseName)
var names = {
  identity: '${baseName}-id-${suffix}'
  workspace: '${baseName}-log-${suffix}'
  appInsights: '${baseName}-ai-${suffix}'
  keyVault: take('kv-${baseName}-${suffix}', 24)
  redis: '${baseName}-redis-${suffix}'
  plan: '${baseName}-plan-${suffix}'
  webApp: '${baseName}-${suffix}'
  bot: '${baseName}-bot-${suffix}'
}
var useMsi = appType == 'UserAssignedMSI'
var botAppId = useMsi ? identity.properties.clientId : singleTenantAppId

// The bot's identity (UserAssignedMSI) and, in every case, the identity the web app reads Key Vault with.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.identity
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionDays
    tags: tags
  }
}

module redis 'modules/redis.bicep' = if (deployRedis) {
  name: 'redis'
  params: {
    location: location
    name: names.redis
    skuName: redisSku
    capacity: redisCapacity
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: names.keyVault
    readerIdentityId: identity.id
    readerPrincipalId: identity.properties.principalId
    digestKey: digestKey
    storeAppPassword: !useMsi
    appPassword: useMsi ? '' : singleTenantClientSecret
    storeRedis: deployRedis
    redisName: names.redis
    enablePurgeProtection: keyVaultPurgeProtection
    tags: tags
  }
  dependsOn: [
    redis // reads the cache's access key
  ]
}

var identitySettings = {
  MicrosoftAppType: appType
  MicrosoftAppId: botAppId
  MicrosoftAppTenantId: tenant().tenantId
}
var passwordSettings = useMsi
  ? {}
  : {
      MicrosoftAppPassword: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.appCredentialUri})'
    }
var stateSettings = deployRedis
  ? {
      State__Provider: 'Redis'
      State__Redis: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.redisUri})'
    }
  : {
      State__Provider: 'Memory'
    }
var escalationSettings = empty(escalationChannelId)
  ? {}
  : union(
      {
        Escalation__ChannelId: escalationChannelId
        Escalation__TenantId: empty(escalationTenantId) ? tenant().tenantId : escalationTenantId
      },
      empty(escalationChannelName) ? {} : { Escalation__ChannelName: escalationChannelName }
    )
// The web app uses keyVault's outputs, so it is created after the vault, its secrets and the
// "Key Vault Secrets User" role assignment: its Key Vault references resolve from the first start.
var appSettings = union(
  identitySettings,
  passwordSettings,
  stateSettings,
  escalationSettings,
  {
    Privacy__DigestKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.digestKeyUri})'
    APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
    OTEL_SERVICE_NAME: 'secretbot'
  },
  additionalAppSettings
)

module web 'modules/web.bicep' = {
  name: 'web'
  params: {
    location: location
    planName: names.plan
    appName: names.webApp
    skuName: appServiceSku
    instanceCount: deployRedis ? instanceCount : 1
    identityId: identity.id
    appSettings: appSettings
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    location: botLocation
    name: names.bot
    displayName: botDisplayName
    skuName: botSku
    appType: appType
    appId: botAppId
    identityId: identity.id
    endpoint: 'https://${web.outputs.hostName}/api/messages'
    tags: tags
  }
}

// Output names are upper case so that the Agents Toolkit (arm/deploy) writes them to env/.env.<env>
// under the same names; with the Azure CLI read them with --query properties.outputs.<NAME>.value.

@description('The bot\'s app id (MicrosoftAppId): the managed identity\'s client id, or the app registration\'s. Also the Teams app id.')
output BOT_ID string = botAppId

@description('The tenant of the bot (MicrosoftAppTenantId).')
output BOT_TENANT_ID string = tenant().tenantId

@description('Host name of the web app.')
output BOT_DOMAIN string = web.outputs.hostName

@description('Public base URL of the bot (appPackage/build.sh\'s second argument).')
output BOT_ENDPOINT string = 'https://${web.outputs.hostName}'

@description('Messaging endpoint set on the Azure Bot.')
output BOT_MESSAGING_ENDPOINT string = 'https://${web.outputs.hostName}/api/messages'

@description('Name of the web app (for az webapp deploy).')
output BOT_WEB_APP_NAME string = web.outputs.name

@description('Resource id of the web app (for the Agents Toolkit\'s azureAppService/zipDeploy).')
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = web.outputs.id

@description('Name of the Azure Bot resource.')
output BOT_SERVICE_NAME string = bot.outputs.name

@description('Name of the Key Vault that holds the secrets.')
output KEY_VAULT_NAME string = names.keyVault
