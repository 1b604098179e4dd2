// The app's user-assigned managed identity and what it may use: secrets in Key Vault (read
// only) and images in the registry (pull only). No passwords for the registry, no secret values
// in the Container App's own configuration: it references Key Vault secrets by URL. The Container
// Apps module consumes this module's outputs, so it is deployed only after the role assignments.
param baseName string
param suffix string
param location string
param tags object
@secure()
param postgresAdminPassword string
@secure()
param dbOwnerPassword string
@secure()
param dbAppPassword string

// Built-in role definitions.
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-app-identity'
  location: location
  tags: tags
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${replace(baseName, '-', '')}kv${suffix}', 24)
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource secretPgAdmin 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'pg-admin-password'
  properties: {
    value: postgresAdminPassword
  }
}

resource secretDbOwner 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'db-owner-password'
  properties: {
    value: dbOwnerPassword
  }
}

resource secretDbApp 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'db-app-password'
  properties: {
    value: dbAppPassword
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: take('${replace(baseName, '-', '')}acr${suffix}', 50)
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    // Pushes use Entra ID (the pipelines' federated identities), pulls the managed identity.
    adminUserEnabled: false
  }
}

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, acrPull)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

output identityId string = identity.id
output keyVaultName string = vault.name
output keyVaultUri string = vault.properties.vaultUri
output registryLoginServer string = registry.properties.loginServer
output registryName string = registry.name
