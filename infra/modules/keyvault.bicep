// Key Vault (Azure RBAC, no access policies) holding the bot's secrets, readable by the bot's
// user-assigned identity only ("Key Vault Secrets User"). The web app reads them through
// @Microsoft.KeyVault(SecretUri=...) references: no secret value is ever an app setting.

@description('Azure region of the vault.')
param location string

@description('Name of the vault (globally unique, 3 to 24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Resource id of the identity that may read the secrets (the bot\'s user-assigned identity); names the role assignment.')
param readerIdentityId string

@description('Principal (object) id of that identity.')
param readerPrincipalId string

@description('Privacy:DigestKey: base64 of at least 32 random bytes (44 characters or more).')
@secure()
@minLength(44)
param digestKey string

@description('Whether the bot has a client secret to store (SingleTenant); false for UserAssignedMSI.')
param storeAppPassword bool

@description('Client secret of the SingleTenant app registration; ignored unless storeAppPassword.')
@secure()
param appPassword string

@description('Whether an Azure Cache for Redis was deployed, whose connection string is then stored.')
param storeRedis bool

@description('Name of that Azure Cache for Redis.')
param redisName string

@description('Purge protection: a deleted vault and its secrets cannot be purged before the retention ends. Cannot be turned off once on.')
param enablePurgeProtection bool

@description('Tags put on every resource.')
param tags object

// Built-in role "Key Vault Secrets User": read secret contents.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource digestKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = {
  parent: vault
  name: 'privacy-digest-key'
  properties: {
    value: digestKey
    contentType: 'base64'
  }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = if (storeAppPassword) {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: appPassword
  }
}

resource redis 'Microsoft.Cache/redis@2024-11-01' existing = if (storeRedis) {
  name: redisName
}

resource redisSecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = if (storeRedis) {
  parent: vault
  name: 'state-redis'
  properties: {
    // StackExchange.Redis connection string: TLS port only.
    value: '${redis!.properties.hostName}:${redis!.properties.sslPort},ssl=true,password=${redis!.listKeys().primaryKey},abortConnect=false'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerIdentityId, secretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('Versionless URI of the digest key secret (the app follows rotations).')
output digestKeyUri string = digestKeySecret.properties.secretUri

@description('Versionless URI of the SingleTenant client credential, or empty.')
output appCredentialUri string = storeAppPassword ? appPasswordSecret!.properties.secretUri : ''

@description('Versionless URI of the Redis connection string, or empty.')
output redisUri string = !storeRedis ? '' : redisSecret!.properties.secretUri

@description('Id of the role assignment, so that the web app is created after it.')
output roleAssignmentId string = secretsUser.id
