// Alert rules as code, e-mailed through one action group:
//   database unhealthy, tool error rate > 5 %, average tool latency > 2 s, CPU > 85 %,
//   memory > 90 %, authentication failures > 10 %.
//
// Container Apps has no Prometheus scraper, so the application's Micrometer metrics (Prometheus
// names: zava_tool_call_seconds_count/_sum/_bucket{tool,transport,outcome},
// zava_auth_failures_total, zava_auth_attempts_total, zava_ratelimit_rejections_total,
// resilience4j_circuitbreaker_state{name="database"|"redis"}) are not in Azure Monitor. The rules
// below read the same facts from what Azure does collect:
//   - platform metrics: PostgreSQL is_db_alive, Container Apps CpuPercentage/MemoryPercentage;
//   - the application's JSON log lines (the image sets ZAVA_LOG_FORMAT=json) in Log Analytics,
//     table ContainerAppConsoleLogs_CL: per tool call one line from ToolCallTelemetry with the
//     field tool and the message "tool call tool=<t> outcome=<ok|error code> rows=<n> durationMs=<ms>"
//     ("slow tool call ..." at WARN);
//   - HTTP server spans in Application Insights (AppRequests, present when tracing is on).
// The Prometheus formulation of each rule is next to it; on Kubernetes the same rules run as
// infra/k8s/components/monitoring/prometheusrule.yaml.
param baseName string
param location string
param tags object
param alertEmail string
param postgresServerId string
param containerAppId string
param logAnalyticsWorkspaceId string
@description('The application rules need the Container App; the first, platform-only run has none yet.')
param deployAppAlerts bool

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${baseName}-alerts'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(replace(baseName, '-', ''), 12)
    enabled: true
    emailReceivers: [
      {
        name: 'operations'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// Database unhealthy. Prometheus: resilience4j_circuitbreaker_state{name="database",state="open"} == 1
resource databaseDown 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${baseName}-database-unhealthy'
  location: 'global'
  tags: tags
  properties: {
    description: 'PostgreSQL Flexible Server reports the database as not alive.'
    severity: 0
    enabled: true
    scopes: [postgresServerId]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'is-db-alive'
          metricNamespace: 'Microsoft.DBforPostgreSQL/flexibleServers'
          metricName: 'is_db_alive'
          operator: 'LessThan'
          threshold: 1
          timeAggregation: 'Minimum'
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

// CPU. Prometheus: rate(container_cpu_usage_seconds_total[5m]) / cpu limit > 0.85
resource cpuHigh 'Microsoft.Insights/metricAlerts@2018-03-01' = if (deployAppAlerts) {
  name: '${baseName}-cpu-high'
  location: 'global'
  tags: tags
  properties: {
    description: 'Replicas use more than 85 % of their CPU allocation.'
    severity: 2
    enabled: true
    scopes: [containerAppId]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT10M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'cpu-percentage'
          metricNamespace: 'Microsoft.App/containerApps'
          metricName: 'CpuPercentage'
          operator: 'GreaterThan'
          threshold: 85
          timeAggregation: 'Average'
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

// Memory. Prometheus: container_memory_working_set_bytes / memory limit > 0.90
resource memoryHigh 'Microsoft.Insights/metricAlerts@2018-03-01' = if (deployAppAlerts) {
  name: '${baseName}-memory-high'
  location: 'global'
  tags: tags
  properties: {
    description: 'Replicas use more than 90 % of their memory allocation.'
    severity: 2
    enabled: true
    scopes: [containerAppId]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT10M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'memory-percentage'
          metricNamespace: 'Microsoft.App/containerApps'
          metricName: 'MemoryPercentage'
          operator: 'GreaterThan'
          threshold: 90
          timeAggregation: 'Average'
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

// The tool-call log lines of this app, parsed once for the two rules below.
var toolCalls = '''
ContainerAppConsoleLogs_CL
| where ContainerAppName_s == "zava-retail-mcp"
| extend entry = parse_json(Log_s)
| where tostring(entry.logger_name) endswith ".ToolCallTelemetry"
| extend message = tostring(entry.message)
| parse message with * "outcome=" outcome:string " rows=" rows:long " durationMs=" durationMs:long *
| where isnotempty(outcome)
'''

var logRules = [
  {
    // Prometheus: sum(rate(zava_tool_call_seconds_count{outcome!="ok"}[5m]))
    //           / sum(rate(zava_tool_call_seconds_count[5m])) > 0.05
    name: 'tool-error-rate'
    description: 'More than 5 % of tool calls failed in the last 5 minutes (at least 20 calls).'
    severity: 1
    query: '${toolCalls}| summarize calls = count(), failed = countif(outcome != "ok")\n| where calls >= 20 and todouble(failed) / calls > 0.05'
  }
  {
    // Prometheus: sum(rate(zava_tool_call_seconds_sum[5m])) / sum(rate(zava_tool_call_seconds_count[5m])) > 2
    name: 'tool-latency'
    description: 'Tool calls took more than 2 s on average in the last 5 minutes.'
    severity: 2
    query: '${toolCalls}| summarize calls = count(), averageMs = avg(durationMs)\n| where calls >= 5 and averageMs > 2000'
  }
  {
    // Prometheus: sum(rate(zava_auth_failures_total[5m])) / sum(rate(zava_auth_attempts_total[5m])) > 0.10
    name: 'auth-failures'
    description: 'More than 10 % of requests to the MCP endpoint were refused as unauthenticated (401).'
    severity: 2
    query: 'AppRequests\n| where AppRoleName == "zava-retail-mcp" and Url has "/mcp"\n| summarize requests = sum(ItemCount), refused = sumif(ItemCount, ResultCode == "401")\n| where requests >= 20 and todouble(refused) / requests > 0.10'
  }
]

resource logAlerts 'Microsoft.Insights/scheduledQueryRules@2022-06-15' = [for rule in logRules: if (deployAppAlerts) {
  name: '${baseName}-${rule.name}'
  location: location
  tags: tags
  properties: {
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [logAnalyticsWorkspaceId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [actionGroup.id]
    }
  }
}]
