{{/* The seven services, in the order of docs/architecture.md's ports table. */}}
{{- define "parley.serviceKeys" -}}gateway user chat presence group media push{{- end }}

{{- define "parley.fullname" -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end }}

{{/* Kubernetes name of a service's objects: <release>-<key>-service. Argument: dict root, name. */}}
{{- define "parley.name" -}}
{{- printf "%s-%s-service" (include "parley.fullname" .root) .name -}}
{{- end }}

{{- define "parley.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}-service
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "parley.labels" -}}
{{ include "parley.selectorLabels" . }}
app.kubernetes.io/part-of: parley
app.kubernetes.io/component: {{ .name }}-service
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end }}

{{/* A service's values with the chart-wide defaults filled in. Argument: dict root, name. Returns YAML. */}}
{{- define "parley.service" -}}
{{- $svc := index .root.Values.services .name -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $svc)) -}}
{{- end }}

{{/* gRPC target of a service: dns:/// of its headless Service, which resolves to every ready pod; the callers'
     channels balance calls round_robin over them (service-identity's ServiceChannels) and keep calling the others
     while one pod restarts. */}}
{{- define "parley.grpcAddress" -}}
{{- $svc := index .root.Values.services .name -}}
{{- printf "dns:///%s-grpc:%v" (include "parley.name" .) $svc.ports.grpc -}}
{{- end }}

{{/* Which infrastructure each service connects to (docs/architecture.md, ports table). */}}
{{- define "parley.needs" -}}
gateway: [kafka, redis]
user: [kafka, redis, cassandra]
chat: [kafka, redis, cassandra]
presence: [redis, cassandra]
group: [kafka, redis, cassandra]
media: [cassandra, s3]
push: [kafka, cassandra]
{{- end }}

{{/* The calls between services: caller -> callee on its grpc or http port. NetworkPolicies allow exactly these. */}}
{{- define "parley.calls" -}}
- {from: gateway, to: chat, port: grpc}      # Send, sync, receipts; ChatMembership.CheckMembership for group typing
- {from: gateway, to: user, port: grpc}      # device checks on connect
- {from: gateway, to: user, port: http}      # JWKS
- {from: gateway, to: presence, port: grpc}  # connection reports, GetPresence for subscriptions
- {from: chat, to: gateway, port: grpc}      # Delivery, dialled at the gateway pod's IP
- {from: chat, to: user, port: grpc}         # UserDirectory (membership of 1:1 chats, blocks)
- {from: chat, to: user, port: http}         # JWKS
- {from: chat, to: media, port: grpc}        # MediaLibrary.ShareMedia before a media send
- {from: media, to: chat, port: grpc}        # ChatMembership before a download
- {from: media, to: user, port: http}        # JWKS
- {from: push, to: user, port: http}         # JWKS
- {from: presence, to: user, port: grpc}     # privacy, contacts and blocks
- {from: presence, to: user, port: http}     # JWKS
- {from: group, to: chat, port: grpc}        # ChatMembership: membership commands and reads (docs/groups.md)
- {from: group, to: user, port: grpc}        # UserDirectory.CheckBlocked before an add
- {from: group, to: media, port: grpc}       # MediaLibrary.ShareMedia: a group's avatar into its chat
- {from: group, to: user, port: http}        # JWKS
{{- end }}

{{/* Settings of one service as environment variables (the ConfigMap's data). Argument: dict root, name. */}}
{{- define "parley.settings" -}}
{{- $root := .root -}}
{{- $v := $root.Values -}}
{{- $name := .name -}}
{{- $svc := index $v.services $name -}}
{{- $needs := index (include "parley.needs" . | fromYaml) $name -}}
PARLEY_PORTS_HTTP: {{ $svc.ports.http | quote }}
PARLEY_PORTS_GRPC: {{ $svc.ports.grpc | quote }}
PARLEY_SERVICE_IDENTITY_CERTIFICATE: {{ printf "%s/tls.crt" $v.secrets.serviceIdentity.mountPath | quote }}
PARLEY_SERVICE_IDENTITY_PRIVATE_KEY: {{ printf "%s/tls.key" $v.secrets.serviceIdentity.mountPath | quote }}
PARLEY_SERVICE_IDENTITY_TRUSTED_CA: {{ printf "%s/ca.crt" $v.secrets.serviceIdentity.mountPath | quote }}
{{- if has "kafka" $needs }}
PARLEY_KAFKA_BOOTSTRAP_SERVERS: {{ $v.kafka.bootstrapServers | quote }}
{{- end }}
{{- if and (has "redis" $needs) (not $v.redis.urlSecret.name) }}
PARLEY_REDIS_URL: {{ $v.redis.url | quote }}
{{- end }}
{{- if has "cassandra" $needs }}
PARLEY_CASSANDRA_CONTACT_POINTS: {{ $v.cassandra.contactPoints | quote }}
PARLEY_CASSANDRA_LOCAL_DATACENTER: {{ $v.cassandra.localDatacenter | quote }}
PARLEY_CASSANDRA_REPLICATION_FACTOR: {{ $v.cassandra.replicationFactor | quote }}
{{- end }}
{{- if has $name (list "gateway" "chat" "media" "push" "presence" "group") }}
PARLEY_AUTH_JWKS_URI: {{ printf "http://%s:%v/v1/.well-known/jwks.json" (include "parley.name" (dict "root" $root "name" "user")) $v.services.user.ports.http | quote }}
PARLEY_AUTH_ISSUER: {{ $v.auth.issuer | quote }}
{{- end }}
{{- if eq $name "gateway" }}
PARLEY_GATEWAY_CHAT_SERVICE_ADDRESS: {{ include "parley.grpcAddress" (dict "root" $root "name" "chat") | quote }}
PARLEY_GATEWAY_USER_SERVICE_ADDRESS: {{ include "parley.grpcAddress" (dict "root" $root "name" "user") | quote }}
PARLEY_GATEWAY_PRESENCE_SERVICE_ADDRESS: {{ include "parley.grpcAddress" (dict "root" $root "name" "presence") | quote }}
PARLEY_GATEWAY_DRAIN_TIMEOUT: {{ printf "%vs" $svc.drainTimeoutSeconds | quote }}
{{- end }}
{{- if eq $name "chat" }}
PARLEY_CHAT_USER_DIRECTORY_ADDRESS: {{ include "parley.grpcAddress" (dict "root" $root "name" "user") | quote }}
PARLEY_CHAT_TOPICS_MESSAGES_PARTITIONS: {{ $svc.topics.messages.partitions | quote }}
PARLEY_CHAT_TOPICS_MESSAGES_REPLICATION_FACTOR: {{ $v.kafka.replicationFactor | quote }}
PARLEY_CHAT_TOPICS_INBOX_PARTITIONS: {{ $svc.topics.inbox.partitions | quote }}
PARLEY_CHAT_TOPICS_INBOX_REPLICATION_FACTOR: {{ $v.kafka.replicationFactor | quote }}
PARLEY_CHAT_TOPICS_PUSH_REQUESTS_PARTITIONS: {{ $svc.topics.pushRequests.partitions | quote }}
PARLEY_CHAT_TOPICS_PUSH_REQUESTS_REPLICATION_FACTOR: {{ $v.kafka.replicationFactor | quote }}
PARLEY_CHAT_MEDIA_LIBRARY_ADDRESS: {{ include "parley.grpcAddress" (dict "root" $root "name" "media") | quote }}
{{- end }}
{{- if eq $name "presence" }}
PARLEY_PRESENCE_USER_DIRECTORY_ADDRESS: {{ include "parley.grpcAddress" (dict "root" $root "name" "user") | quote }}
{{- end }}
{{- if eq $name "group" }}
PARLEY_GROUP_USER_DIRECTORY_ADDRESS: {{ include "parley.grpcAddress" (dict "root" $root "name" "user") | quote }}
PARLEY_GROUP_CHAT_SERVICE_ADDRESS: {{ include "parley.grpcAddress" (dict "root" $root "name" "chat") | quote }}
PARLEY_GROUP_MEDIA_LIBRARY_ADDRESS: {{ include "parley.grpcAddress" (dict "root" $root "name" "media") | quote }}
{{- end }}
{{- if eq $name "media" }}
PARLEY_MEDIA_CHAT_MEMBERSHIP_ADDRESS: {{ include "parley.grpcAddress" (dict "root" $root "name" "chat") | quote }}
{{- end }}
{{- if eq $name "push" }}
# APNs / FCM / VAPID credentials: each file of the mounted Secret is one setting, named by its key
# (e.g. parley.push.apns.signing-key); a missing Secret leaves every platform off.
SPRING_CONFIG_IMPORT: {{ printf "optional:configtree:%s/" $v.secrets.pushCredentials.mountPath | quote }}
{{- end }}
{{- if eq $name "user" }}
PARLEY_USER_TOKENS_ISSUER: {{ $v.auth.issuer | quote }}
PARLEY_USER_TOPICS_USER_EVENTS_REPLICATION_FACTOR: {{ $v.kafka.replicationFactor | quote }}
# Behind the ingress: login rate limits count the client's address from X-Forwarded-For, not the proxy's.
SERVER_FORWARD_HEADERS_STRATEGY: framework
{{- end }}
{{- if has $name (list "chat" "user" "presence" "media") }}
# The callees of other services (gateway-service is dialled per pod): gRPC clients resolve the headless Service's
# pods again when a connection ends; recycling connections lets them find pods added since (scale-out).
SPRING_GRPC_SERVER_KEEPALIVE_CONNECTION_MAX_AGE: 5m
{{- end }}
{{- if has "s3" $needs }}
PARLEY_MEDIA_S3_ENDPOINT: {{ $v.s3.endpoint | quote }}
PARLEY_MEDIA_S3_REGION: {{ $v.s3.region | quote }}
PARLEY_MEDIA_S3_BUCKET: {{ $v.s3.bucket | quote }}
PARLEY_MEDIA_S3_CREATE_BUCKET: {{ $v.s3.createBucket | quote }}
{{- end }}
{{- if $v.jvm.extraOptions }}
JAVA_TOOL_OPTIONS: {{ $v.jvm.extraOptions | quote }}
{{- end }}
{{- range $key, $value := $svc.settings }}
{{ $key }}: {{ $value | quote }}
{{- end }}
{{- end }}

{{/* Environment from Secrets and the downward API (never in the ConfigMap). Argument: dict root, name. */}}
{{- define "parley.secretEnv" -}}
{{- $v := .root.Values -}}
{{- $needs := index (include "parley.needs" . | fromYaml) .name -}}
{{- if and (has "redis" $needs) $v.redis.urlSecret.name }}
- name: PARLEY_REDIS_URL
  valueFrom:
    secretKeyRef: {name: {{ $v.redis.urlSecret.name | quote }}, key: {{ $v.redis.urlSecret.key | quote }}}
{{- end }}
{{- if eq .name "user" }}
- name: PARLEY_USER_SIGNING_KEYS_ENCRYPTION_KEY
  valueFrom:
    secretKeyRef: {name: {{ required "secrets.signingKeys.name is required" $v.secrets.signingKeys.name | quote }}, key: {{ $v.secrets.signingKeys.key | quote }}}
{{- end }}
{{- if has "s3" $needs }}
- name: PARLEY_MEDIA_S3_ACCESS_KEY
  valueFrom:
    secretKeyRef: {name: {{ required "s3.credentialsSecret is required" $v.s3.credentialsSecret | quote }}, key: access-key}
- name: PARLEY_MEDIA_S3_SECRET_KEY
  valueFrom:
    secretKeyRef: {name: {{ $v.s3.credentialsSecret | quote }}, key: secret-key}
{{- end }}
{{- if eq .name "gateway" }}
# What chat-service dials for Delivery: this pod's own address.
- name: PARLEY_GATEWAY_INSTANCE_ADVERTISED_HOST
  valueFrom:
    fieldRef: {fieldPath: status.podIP}
{{- end }}
{{- end }}
