// Zava Retail MCP server on Azure: Container Apps in a private virtual network, PostgreSQL
// Flexible Server 16, Azure Cache for Redis, Key Vault, Log Analytics, Application Insights and
// alert rules. Deployed per environment by deploy.sh with staging.bicepparam or
// production.bicepparam; application releases then go through release.sh (blue-green revisions).
targetScope = 'resourceGroup'

@description('staging or production: names, sizes and protection levels follow it.')
@allowed(['staging', 'production'])
param environmentName string

param location string = resourceGroup().location

@description('Short prefix of every resource name.')
@maxLength(8)
param namePrefix string = 'zava'

@description('Image to run, <registry>/zava-retail-mcp:<commit sha>. Empty: deploy the platform only (first run, before an image exists).')
param containerImage string = ''

@description('Replica range of the Container App.')
@minValue(1)
param minReplicas int = 2
@maxValue(300)
param maxReplicas int = 20

@description('Concurrent HTTP requests per replica before another replica is added.')
param httpConcurrentRequests int = 50

@description('vCPU and memory per replica (a valid Consumption pair, e.g. 1.0/2Gi, 2.0/4Gi).')
param containerCpu string = '1.0'
param containerMemory string = '2Gi'

@description('Spread the Container Apps environment and Redis over availability zones.')
param zoneRedundant bool = true

param postgresSkuName string = 'Standard_D2ds_v5'
@allowed(['GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string = 'GeneralPurpose'
param postgresStorageSizeGB int = 128
@allowed(['ZoneRedundant', 'SameZone', 'Disabled'])
param postgresHighAvailability string = 'ZoneRedundant'
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 35
@allowed(['Enabled', 'Disabled'])
param postgresGeoRedundantBackup string = 'Enabled'

@allowed(['Standard', 'Premium'])
param redisSkuName string = 'Premium'
param redisCapacity int = 1

@description('How callers authenticate: api-key, jwt or trusted-header (see the README).')
@allowed(['api-key', 'jwt', 'trusted-header'])
param securityMode string = 'api-key'

@description('Host names clients use besides the Container App\'s own (custom domains, a gateway).')
param extraAllowedHosts array = []

@description('OTLP/HTTP endpoint for traces, e.g. an OpenTelemetry Collector. Empty: tracing off.')
param otlpTracingEndpoint string = ''
param tracingSamplingProbability string = '0.1'

@description('Load the Zava sample data set after migrating (staging: the integration check queries it).')
param seedSampleData bool = false

@description('Who gets the alert e-mails.')
param alertEmail string

@secure()
@description('Administrator password of the PostgreSQL server (used by the db-init job only).')
param postgresAdminPassword string
@secure()
@description('Password of zava_owner, the role that migrates and seeds.')
param dbOwnerPassword string
@secure()
@description('Password of zava_app, the runtime role (no BYPASSRLS).')
param dbAppPassword string

var baseName = '${namePrefix}-${environmentName}'
// Globally unique names (Key Vault, registry, PostgreSQL, Redis) get a stable suffix.
var suffix = take(uniqueString(resourceGroup().id), 6)
var appName = 'zava-retail-mcp'
var tags = {
  application: 'zava-retail-mcp'
  environment: environmentName
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    baseName: baseName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: baseName
    location: location
    tags: tags
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    baseName: baseName
    suffix: suffix
    location: location
    tags: tags
    postgresAdminPassword: postgresAdminPassword
    dbOwnerPassword: dbOwnerPassword
    dbAppPassword: dbAppPassword
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    serverName: '${baseName}-pg-${suffix}'
    location: location
    tags: tags
    delegatedSubnetId: network.outputs.postgresSubnetId
    vnetId: network.outputs.vnetId
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    highAvailability: postgresHighAvailability
    backupRetentionDays: postgresBackupRetentionDays
    geoRedundantBackup: postgresGeoRedundantBackup
    administratorPassword: postgresAdminPassword
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module redis 'modules/redis.bicep' = {
  name: 'redis'
  params: {
    name: '${baseName}-redis-${suffix}'
    location: location
    tags: tags
    skuName: redisSkuName
    capacity: redisCapacity
    zoneRedundant: zoneRedundant
    privateEndpointSubnetId: network.outputs.privateEndpointSubnetId
    vnetId: network.outputs.vnetId
    keyVaultName: identity.outputs.keyVaultName
  }
}

module containerApps 'modules/containerapps.bicep' = {
  name: 'containerapps'
  params: {
    baseName: baseName
    appName: appName
    location: location
    tags: tags
    environmentName: environmentName
    infrastructureSubnetId: network.outputs.containerAppsSubnetId
    vnetId: network.outputs.vnetId
    zoneRedundant: zoneRedundant
    logAnalyticsWorkspaceName: monitoring.outputs.workspaceName
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    identityId: identity.outputs.identityId
    keyVaultUri: identity.outputs.keyVaultUri
    registryLoginServer: identity.outputs.registryLoginServer
    containerImage: containerImage
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    httpConcurrentRequests: httpConcurrentRequests
    containerCpu: containerCpu
    containerMemory: containerMemory
    postgresHost: postgres.outputs.fqdn
    postgresAdminLogin: postgres.outputs.administratorLogin
    securityMode: securityMode
    extraAllowedHosts: extraAllowedHosts
    otlpTracingEndpoint: otlpTracingEndpoint
    tracingSamplingProbability: tracingSamplingProbability
    seedSampleData: seedSampleData
  }
  // Redis writes the redis-url secret the app reads from Key Vault.
  dependsOn: [redis]
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    baseName: baseName
    location: location
    tags: tags
    alertEmail: alertEmail
    postgresServerId: postgres.outputs.id
    containerAppId: containerApps.outputs.appId
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    deployAppAlerts: !empty(containerImage)
  }
}

output resourceGroup string = resourceGroup().name
output containerAppName string = appName
output containerAppFqdn string = containerApps.outputs.appFqdn
output containerAppsDefaultDomain string = containerApps.outputs.defaultDomain
output registryLoginServer string = identity.outputs.registryLoginServer
output registryName string = identity.outputs.registryName
output keyVaultName string = identity.outputs.keyVaultName
output postgresHost string = postgres.outputs.fqdn
output dbInitJobName string = containerApps.outputs.dbInitJobName
output migrateJobName string = containerApps.outputs.migrateJobName
