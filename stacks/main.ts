import { App } from 'cdktf';
import { DevStack } from './dev';
import { StagingStack } from './staging';

const app = new App();
new DevStack(app, 'dev');
new StagingStack(app, 'staging');
app.synth();
