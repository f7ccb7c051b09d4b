// The files of a fresh `cdktf init --template=typescript --local` app (cdktf-cli 0.21), as facts written here so that
// a change of the template is noticed instead of followed (`templateDrift` compares them with the installed
// template, node_modules/cdktf-cli/bundle/templates/typescript/). The app then uses cdktf-monitoring the way the
// README tells a new user to.

import * as fs from 'fs';
import * as path from 'path';

/** tsconfig.json of the template: `"module": "CommonJS"` without a `moduleResolution`, which means node10. */
export const TEMPLATE_TSCONFIG = {
  compilerOptions: {
    alwaysStrict: true,
    declaration: true,
    experimentalDecorators: true,
    inlineSourceMap: true,
    inlineSources: true,
    lib: ['es2018'],
    module: 'CommonJS',
    noEmitOnError: true,
    noFallthroughCasesInSwitch: true,
    noImplicitAny: true,
    noImplicitReturns: true,
    noImplicitThis: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    resolveJsonModule: true,
    strict: true,
    strictNullChecks: true,
    strictPropertyInitialization: true,
    stripInternal: true,
    target: 'ES2018',
    incremental: true,
    skipLibCheck: true,
  },
  include: ['**/*.ts'],
  exclude: ['node_modules', 'cdktf.out'],
};

/** The settings of the template's jest.config.js (the file is the jest init template with these uncommented). */
export const TEMPLATE_JEST_CONFIG = {
  clearMocks: true,
  coverageProvider: 'v8',
  moduleFileExtensions: ['ts', 'js', 'json', 'node'],
  preset: 'ts-jest',
  setupFilesAfterEnv: ['<rootDir>/setup.js'],
  testEnvironment: 'node',
  testMatch: ['**/__tests__/**/*.ts', '**/?(*.)+(spec|test).ts'],
  testPathIgnorePatterns: ['/node_modules/', '.d.ts', '.js'],
};

/** setup.js of the template. */
export const TEMPLATE_JEST_SETUP = 'const cdktf = require("cdktf");\ncdktf.Testing.setupJest();\n';

/** cdktf.json of the template (`npx ts-node main.ts` type-checks: no `--transpile-only`). */
export const TEMPLATE_CDKTF_JSON = {
  language: 'typescript',
  app: 'npx ts-node main.ts',
  projectId: 'packaging-test',
  sendCrashReports: 'false',
  terraformProviders: [],
  terraformModules: [],
  context: {},
};

/** What the template's hook installs: `cdktf` and `constructs@10`, then these as devDependencies. */
export const TEMPLATE_DEV_DEPENDENCIES = ['@types/node', 'typescript', 'jest', '@types/jest', 'ts-jest', 'ts-node'];

/**
 * Module settings a cdktf or AWS CDK app uses, each as the template's tsconfig with these options. `full` ones also
 * synthesize and run jest; the others are type-checked.
 */
export const MODULE_SETTINGS: readonly { readonly name: string; readonly options: Record<string, unknown>; readonly full: boolean }[] = [
  { name: 'CommonJS (node10), as cdktf init writes it', options: {}, full: true },
  // ts-jest refuses hybrid module kinds without isolatedModules (TS151002), so a node16 app sets it.
  { name: 'node16', options: { module: 'node16', moduleResolution: 'node16', isolatedModules: true }, full: true },
  { name: 'nodenext', options: { module: 'nodenext', moduleResolution: 'nodenext' }, full: false },
  { name: 'bundler', options: { module: 'esnext', moduleResolution: 'bundler' }, full: false },
];

/** The app's monitoring: a stack using every entry point, with types that must not degrade to `any`. */
export const MONITORING_TS = `import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import {
  AlertGroup, AlertRouting, dashboards, DockerHostTarget, Duration, GrafanaDashboard, LogPipeline, LogSource,
  LogStage, MonitoringStack, Receiver, rules, ServiceScrape, Severity,
} from "cdktf-monitoring";
import type { JsonStageOptions, LokiLimitsInput } from "cdktf-monitoring";
import type { AwsManagedTargetProps } from "cdktf-monitoring/aws";

export class MyStack extends TerraformStack {
  public readonly monitoring: MonitoringStack;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.monitoring = new MonitoringStack(this, "monitoring", { environment: "ops", target: new DockerHostTarget() });
    new ServiceScrape(this.monitoring, "web", { targets: ["web:9000"], interval: Duration.seconds(30) });
    new AlertGroup(this.monitoring, "web-health", {
      rules: [{ alert: "WebDown", expr: 'up{job="web"} == 0', for: Duration.minutes(1), severity: Severity.CRITICAL }],
    });
    new AlertGroup(this.monitoring, "web-pack", { name: "web-slo", ...rules.rulePacks({ runbookUrlPattern: "https://runbooks.example.com/{{alert}}" }).serviceHealth({ job: "web" }) });
    new AlertRouting(this.monitoring, "routing", {
      receivers: [Receiver.webhook("hook", { url: "http://hook:8080/" })],
      route: { receiver: "hook" },
    });
    const red: DashboardBuilder = dashboards.red({ job: "web" });
    // @ts-expect-error the pack returns the foundation SDK's DashboardBuilder, not \`any\`
    const notANumber: number = dashboards.red({ job: "web" });
    void notANumber;
    new GrafanaDashboard(this.monitoring, "web-dashboard", { dashboard: red, folder: "Services" });
    // The model is read-only to users: what adds to it is internal (only the constructs validate what they add).
    const jobs: readonly { jobName: string }[] = this.monitoring.model.scrapeJobs;
    void jobs;
    // @ts-expect-error addScrapeJob is not part of the published declarations
    void this.monitoring.model.addScrapeJob;
    const json: JsonStageOptions = { expressions: { level: "level" } };
    const limits: LokiLimitsInput = {};
    new LogPipeline(this.monitoring, "logs", {
      sources: [LogSource.dockerContainers({ stages: [LogStage.json(json), LogStage.labels(["level"])] })],
      loki: { retention: Duration.days(7), limits },
    });
  }
}

/** The AWS entry point's types resolve too (its classes need @cdktf/provider-aws, which this app does not have). */
export type AwsRegion = AwsManagedTargetProps["region"];
`;

/** main.ts as the template shapes it. */
export const MAIN_TS = `import { App } from "cdktf";
import { MyStack } from "./monitoring";

const app = new App();
new MyStack(app, "ops");
app.synth();
`;

/** The README's snapshot-test recipe, in the template's __tests__ folder. */
export const SNAPSHOT_TEST_TS = `import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";
import { MyStack } from "../monitoring";

describe("ops monitoring", () => {
  it("renders the files a reviewer reads, and the Terraform", () => {
    const stack = new MyStack(Testing.app(), "ops");
    const files = stack.monitoring.renderedFiles();
    expect(files["prometheus/prometheus.yml"]).toContain("job_name: web");
    for (const [file, text] of Object.entries(files)) expect(text).toMatchSnapshot(file);
    expect(JSON.parse(Testing.synth(stack, true))).toMatchSnapshot("cdk.tf.json");
  });
});
`;

/** Differences between the facts above and the installed cdktf-cli template (empty when they agree). */
export function templateDrift(root: string): string[] {
  const dir = path.join(root, 'node_modules/cdktf-cli/bundle/templates/typescript');
  const problems: string[] = [];
  const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8'));
  if (JSON.stringify(tsconfig) !== JSON.stringify(TEMPLATE_TSCONFIG)) problems.push('tsconfig.json differs');
  const cdktfJson = fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8');
  if (!cdktfJson.includes(`"app": "${TEMPLATE_CDKTF_JSON.app}"`)) problems.push('cdktf.json runs another app command');
  const jestConfig = fs.readFileSync(path.join(dir, 'jest.config.js'), 'utf8');
  const active = jestConfig.split('\n').filter((l) => /^\s+[a-zA-Z]+:/.test(l) && !/^\s*\/\//.test(l)).map((l) => l.trim().split(':')[0]);
  if (JSON.stringify(active.sort()) !== JSON.stringify(Object.keys(TEMPLATE_JEST_CONFIG).sort())) problems.push(`jest.config.js sets ${active.join(', ')}`);
  if (fs.readFileSync(path.join(dir, 'setup.js'), 'utf8').trim() !== TEMPLATE_JEST_SETUP.trim()) problems.push('setup.js differs');
  const hook = fs.readFileSync(path.join(dir, '.hooks.sscaff.js'), 'utf8');
  if (!hook.includes(JSON.stringify(TEMPLATE_DEV_DEPENDENCIES).replace(/,/g, ', '))) problems.push('the hook installs other devDependencies');
  return problems;
}
