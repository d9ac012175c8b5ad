{{/* Name of the release's objects. */}}
{{- define "highlighter.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 52 | trimSuffix "-" -}}
{{- end -}}

{{- define "highlighter.namespace" -}}
{{- default .Release.Namespace .Values.namespace -}}
{{- end -}}

{{- define "highlighter.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The schedules, read from the one schedules.yaml (files/schedules.yaml links to it). */}}
{{- define "highlighter.schedules" -}}
{{- $file := .Files.Get "files/schedules.yaml" | fromYaml -}}
{{- if not $file.schedules -}}
{{- fail "files/schedules.yaml has no schedules (it should link to schedules/schedules.yaml)" -}}
{{- end -}}
{{- toYaml $file.schedules -}}
{{- end -}}

{{/* Seconds of an ISO-8601 duration of the forms PnD, PTnH, PTnM, PTnS and their combinations. */}}
{{- define "highlighter.seconds" -}}
{{- $d := upper . -}}
{{- $days := regexFind "[0-9]+D" $d | trimSuffix "D" | default "0" | int -}}
{{- $time := regexFind "T.*" $d -}}
{{- $hours := regexFind "[0-9]+H" $time | trimSuffix "H" | default "0" | int -}}
{{- $minutes := regexFind "[0-9]+M" $time | trimSuffix "M" | default "0" | int -}}
{{- $secs := regexFind "[0-9]+S" $time | trimSuffix "S" | default "0" | int -}}
{{- add (mul $days 86400) (mul $hours 3600) (mul $minutes 60) $secs -}}
{{- end -}}
