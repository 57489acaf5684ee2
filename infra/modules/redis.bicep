// Azure Cache for Redis for the shared conversation state: TLS only (port 6380, TLS 1.2 or later).

@description('Azure region of the cache.')
param location string

@description('Name of the cache (globally unique: it becomes <name>.redis.cache.windows.net).')
param name string

@description('Pricing tier: Basic (one node, no SLA), Standard (two nodes, replicated) or Premium.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param skuName string

@description('Size within the tier: 0 to 6 for Basic and Standard (C0 is 250 MB), 1 to 5 for Premium.')
@minValue(0)
@maxValue(6)
param capacity int

@description('Tags put on every resource.')
param tags object

resource redis 'Microsoft.Cache/redis@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: skuName
      family: skuName == 'Premium' ? 'P' : 'C'
      capacity: capacity
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    redisVersion: '6'
    redisConfiguration: {}
  }
}

@description('Name of the cache; the Key Vault module reads its access key from it.')
output name string = redis.name
