// PostgreSQL Flexible Server 16 inside the virtual network (delegated subnet, private DNS zone,
// no public access), zone-redundant high availability, 35-day geo-redundant backups, and the
// extensions the server needs: vector (embeddings) allowed, pg_stat_statements and pgaudit
// allowed and preloaded.
param serverName string
param location string
param tags object
param delegatedSubnetId string
param vnetId string
param skuName string
param skuTier string
param storageSizeGB int
param highAvailability string
param backupRetentionDays int
param geoRedundantBackup string
param administratorLogin string = 'zavaadmin'
@secure()
param administratorPassword string
param logAnalyticsWorkspaceId string

// A VNet-integrated server needs a private zone ending in .postgres.database.azure.com.
resource dnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${serverName}.private.postgres.database.azure.com'
  location: 'global'
  tags: tags
}

resource dnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: dnsZone
  name: 'vnet'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnetId
    }
  }
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: '16'
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: geoRedundantBackup
    }
    highAvailability: {
      mode: highAvailability
    }
    network: {
      delegatedSubnetResourceId: delegatedSubnetId
      privateDnsZoneArmResourceId: dnsZone.id
      publicNetworkAccess: 'Disabled'
    }
  }
  dependsOn: [dnsLink]
}

// Server parameters. The service applies them one at a time (parallel updates conflict), hence
// batchSize(1). shared_preload_libraries needs a restart, which deploy.sh performs when the
// server reports one pending.
var parameters = [
  {
    name: 'azure.extensions'
    value: 'VECTOR,PG_STAT_STATEMENTS,PGAUDIT'
  }
  {
    name: 'shared_preload_libraries'
    value: 'pg_stat_statements,pgaudit'
  }
  {
    // Who changed roles or schema, not every SELECT: tool queries are audited by the application.
    name: 'pgaudit.log'
    value: 'ddl,role'
  }
  {
    name: 'pg_stat_statements.track'
    value: 'top'
  }
  {
    // Connections without TLS are refused; the application connects with sslmode=verify-full.
    name: 'require_secure_transport'
    value: 'on'
  }
]

@batchSize(1)
resource configuration 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = [for p in parameters: {
  parent: server
  name: p.name
  properties: {
    value: p.value
    source: 'user-override'
  }
}]

// The database itself is created by the db-init job (roles-flexible-server.sql), owned by the
// migration role as everywhere else; an ARM-created database would belong to the administrator.

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: server
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output id string = server.id
output fqdn string = server.properties.fullyQualifiedDomainName
output administratorLogin string = administratorLogin
