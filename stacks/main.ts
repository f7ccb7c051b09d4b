import { App } from 'cdktf';
import { DevStack } from './dev';

const app = new App();
new DevStack(app, 'dev');
app.synth();
