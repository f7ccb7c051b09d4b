import { invalid, MonitoringConfigError } from '../../model/errors';
import { checkLabels } from '../../model/names';
import { AgentCredentials } from './agent-credentials';
import { PrometheusAgentHostOptions } from './prometheus-agent-host';

const HOST_NAME = /^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/;
const DOCKER_HOST = /^(ssh:\/\/[^\s/]+|tcp:\/\/[^\s/]+:\d{1,5})\/?$/;
const NETWORK = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Validates one agent host; `field` is e.g. `agents[0]`. */
export function checkAgentHost(
  agent: PrometheusAgentHostOptions,
  all: readonly PrometheusAgentHostOptions[],
  defaultCredentials: AgentCredentials | undefined,
  where: string,
  field: string,
): void {
  if (!agent || typeof agent !== 'object') throw invalid(where, field, agent, 'an object { name, dockerHost }');
  if (typeof agent.name !== 'string' || !HOST_NAME.test(agent.name)) {
    throw invalid(where, `${field}.name`, agent.name, 'a host name of lowercase letters, digits and "-" (at most 32 characters), e.g. "app-1"');
  }
  const here = `${field} (${agent.name})`;
  if (all.filter((a) => a?.name === agent.name).length > 1) throw invalid(where, `${here}.name`, agent.name, 'a name used by one host only');
  if (typeof agent.dockerHost !== 'string' || !DOCKER_HOST.test(agent.dockerHost)) {
    throw invalid(where, `${here}.dockerHost`, agent.dockerHost, 'the Docker daemon of the host as "ssh://user@host" or "tcp://host:2376"');
  }
  if (agent.dockerHost.startsWith('tcp://') && !agent.certPath) {
    throw invalid(
      where,
      `${here}.certPath`,
      agent.certPath,
      'a directory with ca.pem, cert.pem and key.pem: a tcp:// Docker daemon without TLS gives root on the host to anyone who can reach the port (or use ssh://)',
    );
  }
  (agent.attachNetworks ?? []).forEach((network, i) => {
    if (typeof network !== 'string' || !NETWORK.test(network)) throw invalid(where, `${here}.attachNetworks[${i}]`, network, 'the name of an existing Docker network');
  });
  checkLabels(agent.labels, where, `${here}.labels`);
  for (const reserved of ['environment', 'host']) {
    if (agent.labels && reserved in agent.labels) throw invalid(where, `${here}.labels key`, reserved, 'a label other than "environment" and "host" (set by the target)');
  }
  const credentials = agent.credentials ?? defaultCredentials;
  if (credentials === undefined) {
    throw new MonitoringConfigError(
      where,
      `${here}.credentials`,
      'is required: expected AgentCredentials.instanceRole() (an EC2 instance role that allows aps:RemoteWrite), ' +
        'AgentCredentials.fromVariables({ accessKeyIdVariable, secretAccessKeyVariable }) or AgentCredentials.iamUser(), on the host or as ' +
        'agentCredentials of the AwsManagedTarget; an agent without credentials cannot sign remote_write with SigV4 and AMP refuses every sample',
    );
  }
  if (!(credentials instanceof AgentCredentials)) {
    throw invalid(where, `${here}.credentials`, '<not AgentCredentials>', 'AgentCredentials.instanceRole(), AgentCredentials.fromVariables(...) or AgentCredentials.iamUser()');
  }
}
