import { Testing } from 'cdktf';
import { MonitoringStack } from '../../lib';
import { DevStack } from '../../stacks/dev';
import { StagingStack } from '../../stacks/staging';
import { ProdStack } from '../../stacks/prod';
import { MicroservicesStack } from '../../examples/microservices-docker/main';
import { DevPyNodeStack } from '../../examples/dev-pynode/main';
import { AiChatStack } from '../../examples/ai-chat/main';
import { AiAssistantStack } from '../../examples/ai-assistant/main';
import { AiTutoringStack } from '../../examples/ai-tutoring/main';

/** Every environment of every stack and example: the oracle tests check all of their rendered files. */
export function allEnvironments(): { name: string; monitoring: MonitoringStack }[] {
  return [
    { name: 'stacks/dev', monitoring: new DevStack(Testing.app(), 'dev').monitoring },
    { name: 'stacks/staging', monitoring: new StagingStack(Testing.app(), 'staging').monitoring },
    { name: 'examples/microservices-docker', monitoring: new MicroservicesStack(Testing.app(), 'chat').monitoring },
    { name: 'examples/dev-pynode', monitoring: new DevPyNodeStack(Testing.app(), 'pynode').monitoring },
    { name: 'examples/ai-chat', monitoring: new AiChatStack(Testing.app(), 'aichat').monitoring },
    { name: 'examples/ai-assistant', monitoring: new AiAssistantStack(Testing.app(), 'assistant').monitoring },
    { name: 'examples/ai-tutoring', monitoring: new AiTutoringStack(Testing.app(), 'tutoring').monitoring },
    { name: 'stacks/prod', monitoring: new ProdStack(Testing.app(), 'prod').monitoring },
  ];
}
