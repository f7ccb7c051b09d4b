import { Construct } from 'constructs';
import { Image } from '@cdktf/provider-docker/lib/image';
import { Network } from '@cdktf/provider-docker/lib/network';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { NODE_EXPORTER_PORT, nodeExporterSpec } from '../../containers/node-exporter';
import { PROMETHEUS_DATA_DIR, PROMETHEUS_PORT } from '../../containers/prometheus';
import { PROMETHEUS_AGENT_CONFIG, prometheusAgentSpec } from '../../containers/prometheus-agent';
import { ContainerSpec } from '../../containers/spec';
import { prometheusAgentFlags } from '../../render/prometheus-agent-config';
import { ContainerContext, FileUpload, specResources } from '../docker/container-resources';
import { AgentCredentials, AWS_CREDENTIALS_FILE } from './agent-credentials';

/** One Docker host of the fleet that runs a Prometheus agent remote-writing to the environment's AMP workspace. */
export interface PrometheusAgentHostOptions {
  /** The host's name: the `host` external label and part of resource names (lowercase letters, digits, `-`). */
  readonly name: string;
  /** The Docker daemon: `ssh://user@host` (recommended) or `tcp://host:2376` with TLS (`certPath`). */
  readonly dockerHost: string;
  /** Extra ssh options for an `ssh://` host, e.g. `['-o', 'StrictHostKeyChecking=yes']`. @default [] */
  readonly sshOpts?: readonly string[];
  /** Directory with `ca.pem`, `cert.pem` and `key.pem` for a `tcp://` host. @default - required for tcp:// hosts */
  readonly certPath?: string;
  /** Existing Docker networks the agent joins to reach the services it scrapes by name. @default [] */
  readonly attachNetworks?: readonly string[];
  /** Names of the environment's scrape jobs this host scrapes. @default - every job of the environment */
  readonly jobs?: readonly string[];
  /** Run node-exporter on the host and scrape it (job `node`). @default true */
  readonly nodeExporter?: boolean;
  /** Labels added to every series from this host, besides `environment` and `host`. @default {} */
  readonly labels?: Readonly<Record<string, string>>;
  /** How this host signs remote_write. @default - the target's agentCredentials */
  readonly credentials?: AgentCredentials;
}

/** A file uploaded into the agent's config volume. */
export type AgentUpload = FileUpload;

/** Props of {@link PrometheusAgentHost}. */
export interface PrometheusAgentHostProps {
  readonly options: PrometheusAgentHostOptions;
  readonly environment: string;
  readonly images: { readonly prometheus: string; readonly nodeExporter: string };
  readonly memoryMb: { readonly prometheus: number; readonly nodeExporter: number };
  /** The credentials file content (with Terraform references). @default - none (instance role) */
  readonly credentialsFile?: string;
  /** prometheus.yml, Terraform-ready (read at synth). */
  readonly config: () => string;
  /** Files beside prometheus.yml (path inside the container → content), e.g. file_sd target files (read at synth). @default - none */
  readonly configFiles?: () => readonly AgentUpload[];
  /** A short hash of the readable prometheus.yml (read at synth), naming the config volume. */
  readonly configHash: () => string;
  /** Secret files the scrape jobs read (read at synth). */
  readonly secretUploads: () => readonly AgentUpload[];
}

/** The scrape target of the host's own node-exporter (its network alias). */
export const NODE_EXPORTER_TARGET = `node-exporter:${NODE_EXPORTER_PORT}`;
/** The scrape target of the agent itself. */
export const AGENT_SELF_TARGET = `localhost:${PROMETHEUS_PORT}`;

/**
 * The containers of one agent host, through a Docker provider of its own: a hardened Prometheus in agent mode and
 * (by default) node-exporter, on a private network, no published ports. Both are specs from lib/containers, turned
 * into resources the same way as on the monitoring host (config volume filled by a loader, read-only roots, `wait`).
 */
export class PrometheusAgentHost extends Construct {
  public readonly provider: DockerProvider;

  constructor(scope: Construct, id: string, props: PrometheusAgentHostProps) {
    super(scope, id);
    const { options, environment } = props;
    this.provider = new DockerProvider(this, 'docker', {
      alias: `agent-${options.name}`,
      host: options.dockerHost,
      sshOpts: options.sshOpts ? [...options.sshOpts] : undefined,
      certPath: options.certPath,
    });
    const provider = this.provider;
    const network = new Network(this, 'network', { provider, name: `${environment}-prometheus-agent`, driver: 'bridge' });
    const images = new Map<string, string>();
    const agent = prometheusAgentSpec({
      image: props.images.prometheus,
      memoryMb: props.memoryMb.prometheus,
      flags: prometheusAgentFlags(PROMETHEUS_AGENT_CONFIG, PROMETHEUS_DATA_DIR, `:${PROMETHEUS_PORT}`),
      // A path, not a secret: the AWS SDK reads the keys from this file (absent with instance-role credentials).
      env: props.credentialsFile !== undefined ? [`AWS_SHARED_CREDENTIALS_FILE=${AWS_CREDENTIALS_FILE}`] : undefined,
    });
    const context: ContainerContext = {
      provider,
      environment,
      image: (spec: ContainerSpec) => {
        let imageId = images.get(spec.image);
        if (!imageId) {
          imageId = new Image(this, `${spec.name === 'prometheus-agent' ? 'prometheus' : spec.name}-image`, { provider, name: spec.image, keepLocally: true }).imageId;
          images.set(spec.image, imageId);
        }
        return imageId;
      },
      monitoringNetwork: network.name,
      attachedNetworks: [...(options.attachNetworks ?? [])],
      dependsOn: [],
      publish: () => undefined,
      configHash: () => props.configHash(),
      uploads: () => {
        const files: FileUpload[] = [{ file: PROMETHEUS_AGENT_CONFIG, content: props.config() }, ...(props.configFiles?.() ?? [])];
        if (props.credentialsFile !== undefined) files.push({ file: AWS_CREDENTIALS_FILE, content: props.credentialsFile, permissions: '0440' });
        return [...files, ...[...props.secretUploads()].map((u) => ({ ...u, permissions: '0440' })).sort((a, b) => (a.file < b.file ? -1 : 1))];
      },
      // Only the agent reads the 0440 files (credentials, secrets); node-exporter does not join group 0.
      hasSecrets: (spec) => spec.name === agent.name && (props.credentialsFile !== undefined || props.secretUploads().length > 0),
      extraBinds: () => [],
    };
    specResources(this, agent, context);
    if (options.nodeExporter !== false) {
      specResources(this, nodeExporterSpec({ image: props.images.nodeExporter, memoryMb: props.memoryMb.nodeExporter }), context);
    }
  }
}
