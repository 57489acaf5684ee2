// Example parameters for infra/main.bicep. Secrets are read from environment variables when the
// deployment starts, never written here:
//   export SECRETBOT_DIGEST_KEY="$(openssl rand -base64 32)"   # keep it somewhere safe: the same key every time
//   az deployment group create -g <group> --template-file infra/main.bicep --parameters infra/main.bicepparam
// Any parameter can also be overridden on the command line: --parameters deployRedis=true instanceCount=2
using 'main.bicep'

param baseName = 'secretbot'

// Web app, Application Insights, Key Vault and Redis in West Europe; the Azure Bot's own
// location is its regional "Europe" data residency.
param location = 'westeurope'
param botLocation = 'westeurope'

// UserAssignedMSI: no secret at all. For SingleTenant, create the app registration first and set
//   SECRETBOT_APP_TYPE=SingleTenant SECRETBOT_APP_ID=<application (client) id> SECRETBOT_CLIENT_SECRET=<secret>
param appType = readEnvironmentVariable('SECRETBOT_APP_TYPE', 'UserAssignedMSI')
param singleTenantAppId = readEnvironmentVariable('SECRETBOT_APP_ID', '')
param singleTenantClientSecret = readEnvironmentVariable('SECRETBOT_CLIENT_SECRET', '')

// Required: base64 of at least 32 random bytes. Stored in Key Vault as privacy-digest-key.
param digestKey = readEnvironmentVariable('SECRETBOT_DIGEST_KEY')

param appServiceSku = 'B1'

// Several instances need the shared state in Redis.
param deployRedis = false
param instanceCount = 1

// The référents' channel (optional): Escalation:ChannelId and Escalation:ChannelName.
param escalationChannelId = ''
param escalationChannelName = ''

param additionalAppSettings = {
  Bot__DefaultJurisdiction: 'Ask'
}
