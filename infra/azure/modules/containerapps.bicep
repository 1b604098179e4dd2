// The Container Apps environment (inside the virtual network, no public address), the server
// app and two manual jobs:
//  - db-init: roles, database, extension and grants (psql as the PostgreSQL administrator);
//  - migrate: the app image running `db migrate` (or `db seed --if-empty` where sample data is
//    wanted) as the owner role, before a release takes traffic.
// deploy.sh starts both after a deployment; release.sh runs migrate for every new image.
param baseName string
param appName string
param location string
param tags object
param environmentName string
param infrastructureSubnetId string
param vnetId string
param zoneRedundant bool
param logAnalyticsWorkspaceName string
param appInsightsConnectionString string
param identityId string
param keyVaultUri string
param registryLoginServer string
param containerImage string
param minReplicas int
param maxReplicas int
param httpConcurrentRequests int
param containerCpu string
param containerMemory string
param postgresHost string
param postgresAdminLogin string
param securityMode string
param extraAllowedHosts array
param otlpTracingEndpoint string
param tracingSamplingProbability string
param seedSampleData bool

var deployApplication = !empty(containerImage)
var port = 8000

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsWorkspaceName
}

// Preview API version: the managed OpenTelemetry agent (traces to Application Insights) is not
// in a GA version of the resource type yet.
resource environment 'Microsoft.App/managedEnvironments@2024-10-02-preview' = {
  name: '${baseName}-env'
  location: location
  tags: tags
  properties: {
    vnetConfiguration: {
      infrastructureSubnetId: infrastructureSubnetId
      // No public endpoint at all: apps are reachable from the virtual network (and peered
      // networks, a VPN, an API gateway in it) only.
      internal: true
    }
    zoneRedundant: zoneRedundant
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    appInsightsConfiguration: {
      connectionString: appInsightsConnectionString
    }
    openTelemetryConfiguration: {
      tracesConfiguration: {
        destinations: ['appInsights']
      }
    }
  }
}

// Clients in the network resolve <app>.<default domain> to the environment's internal address.
module environmentDns 'environment-dns.bicep' = {
  name: 'environment-dns'
  params: {
    zoneName: environment.properties.defaultDomain
    staticIp: environment.properties.staticIp
    vnetId: vnetId
    tags: tags
  }
}

var appFqdn = '${appName}.${environment.properties.defaultDomain}'
// The MCP endpoint refuses unknown Host headers (DNS-rebinding defence). Allowed: the app's own
// name, the names of the blue and green revision labels release.sh uses, and extra names.
var allowedHosts = concat([
  appFqdn
  '${appFqdn}:*'
  '${appName}---green.${environment.properties.defaultDomain}'
  '${appName}---blue.${environment.properties.defaultDomain}'
], extraAllowedHosts)

var secrets = [
  {
    name: 'db-app-password'
    keyVaultUrl: '${keyVaultUri}secrets/db-app-password'
    identity: identityId
  }
  {
    name: 'db-owner-password'
    keyVaultUrl: '${keyVaultUri}secrets/db-owner-password'
    identity: identityId
  }
  {
    name: 'redis-url'
    keyVaultUrl: '${keyVaultUri}secrets/redis-url'
    identity: identityId
  }
]

// Spring Boot's relaxed binding of bootstrap/src/main/resources/application.yml; the same names
// as docker/compose*.yaml and infra/k8s (tools/deploy-check/consistency.mjs compares them).
var appEnv = concat([
  {
    name: 'SERVER_ADDRESS'
    value: '0.0.0.0'
  }
  {
    name: 'SPRING_DATASOURCE_URL'
    value: 'jdbc:postgresql://${postgresHost}:5432/zava?sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory'
  }
  {
    name: 'SPRING_DATASOURCE_USERNAME'
    value: 'zava_app'
  }
  {
    name: 'SPRING_DATASOURCE_PASSWORD'
    secretRef: 'db-app-password'
  }
  {
    name: 'SPRING_FLYWAY_USER'
    value: 'zava_owner'
  }
  {
    name: 'SPRING_FLYWAY_PASSWORD'
    secretRef: 'db-owner-password'
  }
  {
    name: 'SPRING_DATA_REDIS_URL'
    secretRef: 'redis-url'
  }
  {
    name: 'ZAVA_SECURITY_MODE'
    value: securityMode
  }
  {
    // Replicas behind the environment's load balancer, no affinity: no server-side sessions.
    name: 'ZAVA_HTTP_SESSION_MODE'
    value: 'stateless'
  }
  {
    name: 'ZAVA_HTTP_ALLOWED_HOSTS'
    value: join(allowedHosts, ',')
  }
  {
    name: 'MANAGEMENT_TRACING_ENABLED'
    value: empty(otlpTracingEndpoint) ? 'false' : 'true'
  }
  {
    name: 'MANAGEMENT_TRACING_SAMPLING_PROBABILITY'
    value: tracingSamplingProbability
  }
  {
    name: 'OTEL_SERVICE_NAME'
    value: appName
  }
  {
    name: 'OTEL_RESOURCE_ATTRIBUTES'
    value: 'deployment.environment=${environmentName}'
  }
], empty(otlpTracingEndpoint) ? [] : [
  {
    // Set only when there is one: an empty endpoint is not "no export" to Spring Boot.
    name: 'MANAGEMENT_OTLP_TRACING_ENDPOINT'
    value: otlpTracingEndpoint
  }
])

resource app 'Microsoft.App/containerApps@2024-03-01' = if (deployApplication) {
  name: appName
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      // Several revisions side by side: release.sh starts a new one without traffic, checks it
      // through its label, then moves the traffic (blue-green) and keeps the old one for rollback.
      activeRevisionsMode: 'Multiple'
      maxInactiveRevisions: 10
      ingress: {
        // "external" within an internal environment = reachable from the virtual network, not
        // from the internet. (external: false would limit it to apps in this environment.)
        external: true
        targetPort: port
        transport: 'http'
        allowInsecure: false
        stickySessions: {
          affinity: 'none'
        }
        traffic: [
          {
            latestRevision: true
            weight: 100
          }
        ]
      }
      registries: [
        {
          server: registryLoginServer
          identity: identityId
        }
      ]
      secrets: secrets
    }
    template: {
      containers: [
        {
          name: 'server'
          image: containerImage
          args: ['serve']
          env: appEnv
          resources: {
            cpu: json(containerCpu)
            memory: containerMemory
          }
          probes: [
            {
              // Migrations and the embedding model: up to about 2.5 minutes.
              type: 'Startup'
              httpGet: {
                path: '/health'
                port: port
              }
              initialDelaySeconds: 10
              periodSeconds: 15
              failureThreshold: 10
              timeoutSeconds: 3
            }
            {
              // Never depends on PostgreSQL or Redis.
              type: 'Liveness'
              httpGet: {
                path: '/health'
                port: port
              }
              periodSeconds: 10
              failureThreshold: 3
              timeoutSeconds: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/ready'
                port: port
              }
              periodSeconds: 5
              failureThreshold: 3
              timeoutSeconds: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: string(httpConcurrentRequests)
              }
            }
          }
          {
            name: 'cpu'
            custom: {
              type: 'cpu'
              metadata: {
                type: 'Utilization'
                value: '70'
              }
            }
          }
        ]
      }
    }
  }
}

// Runs the Azure variants of the database scripts (infra/azure/sql, see there why they differ
// from infra/local/sql), passed in as environment variables.
resource dbInit 'Microsoft.App/jobs@2024-03-01' = {
  name: '${appName}-db-init'
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      triggerType: 'Manual'
      replicaTimeout: 600
      replicaRetryLimit: 1
      manualTriggerConfig: {
        parallelism: 1
        replicaCompletionCount: 1
      }
      secrets: concat(secrets, [
        {
          name: 'pg-admin-password'
          keyVaultUrl: '${keyVaultUri}secrets/pg-admin-password'
          identity: identityId
        }
      ])
    }
    template: {
      containers: [
        {
          name: 'db-init'
          image: 'docker.io/library/postgres:17'
          command: ['/bin/sh', '-c']
          args: [
            'set -eu; printf "%s" "$ROLES_SQL" > /tmp/roles.sql; printf "%s" "$DATABASE_SQL" > /tmp/database.sql; psql -X -v ON_ERROR_STOP=1 -d postgres -v owner=zava_owner -v owner_password="$OWNER_PASSWORD" -v app=zava_app -v app_password="$APP_PASSWORD" -v db=zava -f /tmp/roles.sql; psql -X -v ON_ERROR_STOP=1 -d zava -v owner=zava_owner -v app=zava_app -f /tmp/database.sql'
          ]
          env: [
            {
              name: 'PGHOST'
              value: postgresHost
            }
            {
              name: 'PGUSER'
              value: postgresAdminLogin
            }
            {
              name: 'PGPASSWORD'
              secretRef: 'pg-admin-password'
            }
            {
              name: 'PGSSLMODE'
              value: 'require'
            }
            {
              name: 'OWNER_PASSWORD'
              secretRef: 'db-owner-password'
            }
            {
              name: 'APP_PASSWORD'
              secretRef: 'db-app-password'
            }
            {
              name: 'ROLES_SQL'
              value: loadTextContent('../sql/roles-flexible-server.sql')
            }
            {
              name: 'DATABASE_SQL'
              value: loadTextContent('../sql/database-flexible-server.sql')
            }
          ]
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
        }
      ]
    }
  }
}

resource migrate 'Microsoft.App/jobs@2024-03-01' = if (deployApplication) {
  name: '${appName}-migrate'
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      triggerType: 'Manual'
      // Seeding the full sample data set takes about 30 s on 2 cores; leave ample room.
      replicaTimeout: 1800
      replicaRetryLimit: 1
      manualTriggerConfig: {
        parallelism: 1
        replicaCompletionCount: 1
      }
      registries: [
        {
          server: registryLoginServer
          identity: identityId
        }
      ]
      secrets: secrets
    }
    template: {
      containers: [
        {
          name: 'migrate'
          image: containerImage
          args: seedSampleData ? ['db', 'seed', '--if-empty'] : ['db', 'migrate']
          env: appEnv
          resources: {
            cpu: json(containerCpu)
            memory: containerMemory
          }
        }
      ]
    }
  }
}

output environmentId string = environment.id
output defaultDomain string = environment.properties.defaultDomain
output appFqdn string = appFqdn
output appId string = deployApplication ? app.id : ''
output dbInitJobName string = dbInit.name
output migrateJobName string = deployApplication ? migrate.name : ''
