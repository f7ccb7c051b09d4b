import { rmSync } from 'fs';
import { requireTool, runTool, ToolResult, writeTempFiles } from '../helpers/tools';

/**
 * Throws (so the calling test fails, never skips) when promtool is not in the tool cache, with the command that
 * fills it (bash scripts/tools.sh: promtool 3.x, the images' line).
 */
export function requirePromtool(toolsDir?: string): void {
  requireTool('promtool', toolsDir);
}

/** What promtool said about a rule file and its unit tests. */
export interface RuleOracleResult {
  /** `promtool check rules <rule file>`. */
  readonly check: ToolResult;
  /** `promtool test rules <test file>`. */
  readonly test: ToolResult;
}

/**
 * Writes a rule file and its promtool test file side by side into a temporary directory, runs
 * `promtool check rules` and `promtool test rules` there, and removes the directory again.
 */
export function checkAndTestRules(ruleFile: string, ruleText: string, testFile: string, testText: string): RuleOracleResult {
  requirePromtool();
  const dir = writeTempFiles({ [ruleFile]: ruleText, [testFile]: testText }, 'cdktf-monitoring-rules-');
  try {
    return { check: runTool('promtool', ['check', 'rules', ruleFile], dir), test: runTool('promtool', ['test', 'rules', testFile], dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
