// Staging: same shape as production, smaller and cheaper. No high availability and 7-day local
// backups (staging data is the regenerable sample set), every trace sampled, sample data seeded.
// Secrets come from the environment of deploy.sh, never from this file.
using 'main.bicep'

param environmentName = 'staging'
param location = readEnvironmentVariable('ZAVA_AZURE_LOCATION', 'westus2')
param containerImage = readEnvironmentVariable('ZAVA_IMAGE', '')

param minReplicas = 2
param maxReplicas = 5
param httpConcurrentRequests = 50
param containerCpu = '1.0'
param containerMemory = '2Gi'
param zoneRedundant = false

param postgresSkuName = 'Standard_D2ds_v5'
param postgresSkuTier = 'GeneralPurpose'
param postgresStorageSizeGB = 64
param postgresHighAvailability = 'Disabled'
param postgresBackupRetentionDays = 7
param postgresGeoRedundantBackup = 'Disabled'

param redisSkuName = 'Standard'
param redisCapacity = 1

param securityMode = 'api-key'
param otlpTracingEndpoint = readEnvironmentVariable('ZAVA_OTLP_TRACING_ENDPOINT', '')
param tracingSamplingProbability = '1.0'
param seedSampleData = true

param alertEmail = readEnvironmentVariable('ZAVA_ALERT_EMAIL')
param postgresAdminPassword = readEnvironmentVariable('ZAVA_PG_ADMIN_PASSWORD')
param dbOwnerPassword = readEnvironmentVariable('ZAVA_DB_OWNER_PASSWORD')
param dbAppPassword = readEnvironmentVariable('ZAVA_DB_APP_PASSWORD')
