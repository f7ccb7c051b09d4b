/**
 * The `__meta_*` labels each service discovery mechanism sets on the targets it finds, for `relabelConfigs`.
 * Taken from Prometheus' configuration reference (prometheus/prometheus `docs/configuration/configuration.md`, 3.x:
 * sections `<docker_sd_config>`, `<file_sd_config>`, `<dns_sd_config>`, `<http_sd_config>`,
 * `<kubernetes_sd_config>`). `<name>` stands for a label, annotation or tag name with every character outside
 * `[a-zA-Z0-9_]` replaced by `_` (`prometheus.io/port` → `prometheus_io_port`).
 */

/** The discovery mechanisms cdktf-monitoring renders. */
export const DISCOVERY_KINDS = ['docker', 'file', 'dns', 'http', 'kubernetes'] as const;
/** A discovery mechanism. */
export type DiscoveryKind = (typeof DISCOVERY_KINDS)[number];

/** The prometheus.yml key of each mechanism. */
export const DISCOVERY_KEYS: Readonly<Record<DiscoveryKind, string>> = {
  docker: 'docker_sd_configs',
  file: 'file_sd_configs',
  dns: 'dns_sd_configs',
  http: 'http_sd_configs',
  kubernetes: 'kubernetes_sd_configs',
};

/** `__meta_*` labels of each mechanism (Prometheus configuration reference, 3.x). */
export const DISCOVERY_META_LABELS: Readonly<Record<DiscoveryKind, readonly string[]>> = {
  docker: [
    '__meta_docker_container_id',
    '__meta_docker_container_name',
    '__meta_docker_container_network_mode',
    '__meta_docker_container_label_<name>',
    '__meta_docker_network_id',
    '__meta_docker_network_name',
    '__meta_docker_network_ingress',
    '__meta_docker_network_internal',
    '__meta_docker_network_label_<name>',
    '__meta_docker_network_scope',
    '__meta_docker_network_ip',
    '__meta_docker_port_private',
    '__meta_docker_port_public',
    '__meta_docker_port_public_ip',
  ],
  file: ['__meta_filepath'],
  dns: ['__meta_dns_name', '__meta_dns_srv_record_target', '__meta_dns_srv_record_port', '__meta_dns_mx_record_target', '__meta_dns_ns_record_target'],
  http: ['__meta_url'],
  kubernetes: [
    '__meta_kubernetes_namespace',
    '__meta_kubernetes_node_name', '__meta_kubernetes_node_label_<name>', '__meta_kubernetes_node_annotation_<name>', '__meta_kubernetes_node_address_<type>',
    '__meta_kubernetes_service_name', '__meta_kubernetes_service_label_<name>', '__meta_kubernetes_service_annotation_<name>', '__meta_kubernetes_service_port_name',
    '__meta_kubernetes_service_port_number', '__meta_kubernetes_service_port_protocol', '__meta_kubernetes_service_cluster_ip', '__meta_kubernetes_service_type',
    '__meta_kubernetes_pod_name', '__meta_kubernetes_pod_ip', '__meta_kubernetes_pod_label_<name>', '__meta_kubernetes_pod_annotation_<name>',
    '__meta_kubernetes_pod_container_name', '__meta_kubernetes_pod_container_port_name', '__meta_kubernetes_pod_container_port_number',
    '__meta_kubernetes_pod_container_port_protocol', '__meta_kubernetes_pod_ready', '__meta_kubernetes_pod_phase', '__meta_kubernetes_pod_node_name',
    '__meta_kubernetes_pod_host_ip', '__meta_kubernetes_pod_uid', '__meta_kubernetes_pod_controller_kind', '__meta_kubernetes_pod_controller_name',
    '__meta_kubernetes_endpoints_name', '__meta_kubernetes_endpoint_hostname', '__meta_kubernetes_endpoint_node_name', '__meta_kubernetes_endpoint_ready',
    '__meta_kubernetes_endpoint_port_name', '__meta_kubernetes_endpoint_port_protocol',
    '__meta_kubernetes_endpointslice_name', '__meta_kubernetes_ingress_name', '__meta_kubernetes_ingress_path', '__meta_kubernetes_ingress_scheme',
  ],
};

/** The label name Prometheus gives a container, pod or node label: every character outside `[a-zA-Z0-9_]` becomes `_`. */
export function sanitizeLabelName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_]/g, '_');
}

/** The mechanism whose `__meta_*` prefix a label name carries, if it is one of {@link DISCOVERY_KINDS}. */
export function metaLabelKind(label: string): DiscoveryKind | undefined {
  if (label === '__meta_filepath') return 'file';
  if (label === '__meta_url') return 'http';
  const m = /^__meta_(docker|dns|kubernetes)_/.exec(label);
  return m ? (m[1] as DiscoveryKind) : undefined;
}
