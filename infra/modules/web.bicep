// Linux App Service plan and the web app that runs the bot on .NET 10.

@description('Azure region of the plan and the web app.')
param location string

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app (globally unique: it becomes <name>.azurewebsites.net).')
param appName string

@description('App Service plan SKU, e.g. B1, S1, P0v3, P1v3. Always On needs Basic or above.')
param skuName string

@description('Number of instances.')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('Resource id of the user-assigned identity attached to the app (bot identity and Key Vault references).')
param identityId string

@description('App settings, name to value. Values may be Key Vault references.')
param appSettings object

@description('Tags put on every resource.')
param tags object

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // any instance may take any turn; state is in Redis when scaled out
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet SecretBot.Bot.dll'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/readyz'
      appSettings: [for setting in items(appSettings): {
        name: setting.key
        value: setting.value
      }]
    }
  }
}

// No FTP publishing with a user name and password (deployments go through Entra ID).
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

@description('Resource id of the web app.')
output id string = app.id

@description('Name of the web app.')
output name string = app.name

@description('Default host name of the web app, e.g. secretbot-abc.azurewebsites.net.')
output hostName string = app.properties.defaultHostName
