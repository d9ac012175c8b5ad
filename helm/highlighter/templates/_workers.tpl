{{/* Environment that puts a container in Kafka partitioning mode when workers are enabled. */}}
{{- define "highlighter.partitioningEnv" -}}
{{- if .Values.workers.enabled -}}
- name: HIGHLIGHTER_PARTITIONING
  value: kafka
- name: HIGHLIGHTER_KAFKA_BOOTSTRAPSERVERS
  value: {{ required "workers.enabled needs kafka.bootstrapServers: the chart does not install Kafka" .Values.kafka.bootstrapServers | quote }}
- name: HIGHLIGHTER_KAFKA_TOPIC
  value: {{ .Values.kafka.topic | quote }}
- name: HIGHLIGHTER_KAFKA_TOPICPARTITIONS
  value: {{ .Values.kafka.topicPartitions | quote }}
- name: HIGHLIGHTER_KAFKA_REPLICATIONFACTOR
  value: {{ .Values.kafka.replicationFactor | quote }}
{{- end }}
{{- end -}}
