// The Azure Bot registration, regional (Europe data residency), with the Teams channel.

@description('Location of the Azure Bot resource: westeurope is the regional "Europe" data residency. "global" is deliberately not offered.')
@allowed([
  'westeurope'
])
param location string

@description('Bot handle (globally unique).')
param name string

@description('Display name shown in the Azure portal and the Bot Framework channels.')
param displayName string

@description('Bot pricing tier. Teams is a standard channel: F0 is enough.')
@allowed([
  'F0'
  'S1'
])
param skuName string

@description('UserAssignedMSI (the bot is the managed identity) or SingleTenant (the bot is an Entra app registration of this tenant).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string

@description('The bot\'s app id: the managed identity\'s client id, or the app registration\'s application (client) id.')
param appId string

@description('Resource id of the user-assigned identity (UserAssignedMSI only).')
param identityId string

@description('Messaging endpoint, https://<host>/api/messages.')
param endpoint string

@description('Tags put on every resource.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: location
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
    isStreamingSupported: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: location
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('Name of the Azure Bot resource.')
output name string = bot.name
