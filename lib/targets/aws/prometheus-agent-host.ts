import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { Container } from '@cdktf/provider-docker/lib/container';
import { Image } from '@cdktf/provider-docker/lib/image';
import { Network } from '@cdktf/provider-docker/lib/network';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { Volume } from '@cdktf/provider-docker/lib/volume';
import { CONFIG_ROOT } from '../../model/layout';
import { prometheusAgentFlags } from '../../render/prometheus-agent-config';
import { hardenedContainer, httpHealthcheck } from '../docker/hardening';
import { NODE_EXPORTER_PORT, nodeExporterSettings } from '../docker/node-exporter';
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
export interface AgentUpload {
  readonly file: string;
  readonly content: string;
}

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
  /** A short hash of the readable prometheus.yml (read at synth), naming the config volume. */
  readonly configHash: () => string;
  /** Secret files the scrape jobs read (read at synth). */
  readonly secretUploads: () => readonly AgentUpload[];
}

const AGENT_PORT = 9090;
/** The scrape target of the host's own node-exporter (its network alias). */
export const NODE_EXPORTER_TARGET = `node-exporter:${NODE_EXPORTER_PORT}`;
/** The scrape target of the agent itself. */
export const AGENT_SELF_TARGET = `localhost:${AGENT_PORT}`;

/**
 * The containers of one agent host, through a Docker provider of its own: a hardened Prometheus 2.x in agent mode
 * and (by default) node-exporter, on a private network, no published ports.
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
    const image = (name: string, ref: string) => new Image(this, `${name}-image`, { provider, name: ref, keepLocally: true }).imageId;

    // The agent keeps only a write-ahead log of samples not yet sent. Losing it loses at most those samples, so the
    // volume has no prevent_destroy (unlike a Prometheus server's TSDB), and removing a host from the fleet stays easy.
    const wal = new Volume(this, 'wal', { provider, name: `${environment}-prometheus-agent-wal` });
    const config = new Volume(this, 'config', {
      provider,
      name: Lazy.stringValue({ produce: () => `${environment}-prometheus-agent-config-${props.configHash()}` }),
    });
    const uploads = Lazy.anyValue({
      produce: () => {
        const files: AgentUpload[] = [{ file: `${CONFIG_ROOT}/prometheus.yml`, content: props.config() }];
        if (props.credentialsFile !== undefined) files.push({ file: AWS_CREDENTIALS_FILE, content: props.credentialsFile });
        return [...files, ...[...props.secretUploads()].sort((a, b) => (a.file < b.file ? -1 : 1))];
      },
    });
    new Container(this, 'prometheus-agent', hardenedContainer(
      { name: `${environment}-prometheus-agent`, image: image('prometheus', props.images.prometheus), memoryMb: props.memoryMb.prometheus },
      {
        provider,
        command: prometheusAgentFlags(`${CONFIG_ROOT}/prometheus.yml`, '/prometheus', `:${AGENT_PORT}`),
        // A path, not a secret: the AWS SDK reads the keys from this file (absent with instance-role credentials).
        env: props.credentialsFile !== undefined ? [`AWS_SHARED_CREDENTIALS_FILE=${AWS_CREDENTIALS_FILE}`] : undefined,
        volumes: [
          { volumeName: wal.name, containerPath: '/prometheus' },
          { volumeName: config.name, containerPath: CONFIG_ROOT },
        ],
        upload: uploads,
        networksAdvanced: [{ name: network.name, aliases: ['prometheus-agent'] }, ...(options.attachNetworks ?? []).map((name) => ({ name }))],
        healthcheck: httpHealthcheck(`http://127.0.0.1:${AGENT_PORT}/-/healthy`),
      },
    ));

    if (options.nodeExporter !== false) {
      // Exception (host mounts), named in nodeExporterSettings.
      new Container(this, 'node-exporter', hardenedContainer(
        { name: `${environment}-node-exporter`, image: image('node-exporter', props.images.nodeExporter), memoryMb: props.memoryMb.nodeExporter },
        { provider, ...nodeExporterSettings(), networksAdvanced: [{ name: network.name, aliases: ['node-exporter'] }] },
      ));
    }
  }
}
