// Production: zone-redundant everything, PostgreSQL with zone-redundant high availability and
// 35-day geo-redundant backups, 2 to 20 replicas, 10 % of traces sampled, no sample data.
// Secrets come from the environment of deploy.sh, never from this file.
using 'main.bicep'

param environmentName = 'production'
param location = readEnvironmentVariable('ZAVA_AZURE_LOCATION', 'westus2')
param containerImage = readEnvironmentVariable('ZAVA_IMAGE', '')

param minReplicas = 2
param maxReplicas = 20
param httpConcurrentRequests = 50
param containerCpu = '2.0'
param containerMemory = '4Gi'
param zoneRedundant = true

param postgresSkuName = 'Standard_D4ds_v5'
param postgresSkuTier = 'GeneralPurpose'
param postgresStorageSizeGB = 256
param postgresHighAvailability = 'ZoneRedundant'
param postgresBackupRetentionDays = 35
param postgresGeoRedundantBackup = 'Enabled'

param redisSkuName = 'Premium'
param redisCapacity = 1

param securityMode = 'api-key'
param otlpTracingEndpoint = readEnvironmentVariable('ZAVA_OTLP_TRACING_ENDPOINT', '')
param tracingSamplingProbability = '0.1'
param seedSampleData = false

param alertEmail = readEnvironmentVariable('ZAVA_ALERT_EMAIL')
param postgresAdminPassword = readEnvironmentVariable('ZAVA_PG_ADMIN_PASSWORD')
param dbOwnerPassword = readEnvironmentVariable('ZAVA_DB_OWNER_PASSWORD')
param dbAppPassword = readEnvironmentVariable('ZAVA_DB_APP_PASSWORD')
