// The private network: nothing of the deployment has a public address. Three subnets:
//  - Container Apps environment (delegated; /23 leaves room for 20 replicas plus jobs and
//    upgrades in a workload-profiles environment),
//  - PostgreSQL Flexible Server (delegated: the server is injected into the network),
//  - private endpoints (Redis).
param baseName string
param location string
param tags object
param addressPrefix string = '10.40.0.0/16'

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${baseName}-vnet'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [addressPrefix]
    }
    subnets: [
      {
        name: 'container-apps'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 23, 0)
          delegations: [
            {
              name: 'container-apps'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'postgres'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 2)
          delegations: [
            {
              name: 'postgres'
              properties: {
                serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 3)
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

output vnetId string = vnet.id
output containerAppsSubnetId string = '${vnet.id}/subnets/container-apps'
output postgresSubnetId string = '${vnet.id}/subnets/postgres'
output privateEndpointSubnetId string = '${vnet.id}/subnets/private-endpoints'
