import { App } from 'cdktf';
import { DevStack } from './dev';
import { ProdStack } from './prod';
import { StagingStack } from './staging';

const app = new App();
new DevStack(app, 'dev');
new ProdStack(app, 'prod');
new StagingStack(app, 'staging');
app.synth();
