import { AlloyParsedBlock, AlloyParsedValue } from './alloy-parse';
import { ALLOY_SCHEMA, AlloyArgType, AlloyBlockSchema } from './alloy-schema';

const GO_DURATION = /^(\d+(ns|us|µs|ms|s|m|h))+$/;

/** Type of a reference `<component>.<label>.<export>` as the schema exports it, or undefined when it does not resolve. */
function refType(ref: string, components: readonly AlloyParsedBlock[]): string | undefined {
  const parts = ref.split('.');
  const exportName = parts.pop() as string;
  const label = parts.pop() as string;
  const name = parts.join('.');
  if (!components.some((c) => c.name === name && c.label === label)) return undefined;
  return ALLOY_SCHEMA[name]?.exports?.[exportName];
}

function typeProblem(type: AlloyArgType, v: AlloyParsedValue, components: readonly AlloyParsedBlock[]): string | undefined {
  const strings = (items: readonly AlloyParsedValue[]): boolean => items.every((i) => i.type === 'string');
  switch (type) {
    case 'string':
      return v.type === 'string' ? undefined : 'expected a string';
    case 'duration':
      return v.type === 'string' && GO_DURATION.test(v.value) ? undefined : 'expected a duration string such as "3s"';
    case 'bool':
      return v.type === 'bool' ? undefined : 'expected a bool';
    case 'number':
      return v.type === 'number' ? undefined : 'expected a number';
    case 'list(string)':
      return v.type === 'list' && strings(v.value) ? undefined : 'expected a list of strings';
    case 'map(string)':
      return v.type === 'object' && strings([...v.value.values()]) ? undefined : 'expected an object of strings';
    case 'list(map(string))':
      if (v.type === 'ref') return refType(v.value, components) === 'list(map(string))' ? undefined : `reference ${v.value} does not resolve to targets`;
      return v.type === 'list' && v.value.every((o) => o.type === 'object' && strings([...o.value.values()])) ? undefined : 'expected a list of objects of strings';
    case 'list(LogsReceiver)':
      return v.type === 'list' && v.value.length > 0 && v.value.every((r) => r.type === 'ref' && refType(r.value, components) === 'LogsReceiver')
        ? undefined
        : 'expected a list of references to LogsReceiver exports of declared components';
    case 'RelabelRules':
      return v.type === 'ref' && refType(v.value, components) === 'RelabelRules' ? undefined : 'expected a reference to a declared RelabelRules export';
  }
}

function checkBlock(block: AlloyParsedBlock, schema: AlloyBlockSchema, path: string, components: readonly AlloyParsedBlock[], problems: string[]): void {
  for (const [name, value] of block.attributes) {
    const arg = schema.arguments[name];
    if (!arg) {
      problems.push(`${path}: argument ${name} is not documented`);
      continue;
    }
    const problem = typeProblem(arg.type, value, components);
    if (problem) problems.push(`${path}.${name}: ${problem}`);
  }
  for (const [name, arg] of Object.entries(schema.arguments)) {
    if (arg.required && !block.attributes.has(name)) problems.push(`${path}: required argument ${name} is missing`);
  }
  for (const child of block.blocks) {
    const childSchema = schema.blocks?.[child.name];
    if (!childSchema) {
      problems.push(`${path}: block ${child.name} is not documented`);
      continue;
    }
    if (child.label !== undefined) problems.push(`${path}.${child.name}: nested blocks take no label`);
    checkBlock(child, childSchema, `${path}.${child.name}`, components, problems);
  }
}

/** Every problem of a parsed Alloy file against the documented components. */
export function checkAlloyAgainstSchema(components: readonly AlloyParsedBlock[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const component of components) {
    const schema = ALLOY_SCHEMA[component.name];
    const path = `${component.name} "${component.label ?? ''}"`;
    if (!schema) {
      problems.push(`${path}: component is not documented`);
      continue;
    }
    if (schema.labelled && (component.label === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(component.label))) {
      problems.push(`${path}: expected an identifier label`);
    }
    if (seen.has(path)) problems.push(`${path}: declared twice`);
    seen.add(path);
    checkBlock(component, schema, path, components, problems);
  }
  return problems;
}
