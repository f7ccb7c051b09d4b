import { Testing } from 'cdktf';
import { MonitoringStack } from '../../lib';
import { DevStack } from '../../stacks/dev';
import { StagingStack } from '../../stacks/staging';
import { ProdStack } from '../../stacks/prod';
import { MicroservicesStack } from '../../examples/microservices-docker/main';

/** Every environment of every stack and example: the oracle tests check all of their rendered files. */
export function allEnvironments(): { name: string; monitoring: MonitoringStack }[] {
  return [
    { name: 'stacks/dev', monitoring: new DevStack(Testing.app(), 'dev').monitoring },
    { name: 'stacks/staging', monitoring: new StagingStack(Testing.app(), 'staging').monitoring },
    { name: 'examples/microservices-docker', monitoring: new MicroservicesStack(Testing.app(), 'chat').monitoring },
    { name: 'stacks/prod', monitoring: new ProdStack(Testing.app(), 'prod').monitoring },
  ];
}
