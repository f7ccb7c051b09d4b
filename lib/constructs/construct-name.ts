import { invalid } from '../model/errors';

/**
 * The name a construct gives what it renders (a job, a rule group and its files): the `name` prop, or the older
 * prop of the same meaning (`jobName`, `groupName`), else the construct id. Two constructs may then share a name
 * in different namespaces (a job `postgres` and a rule group `postgres`) while their ids stay unique in the tree.
 */
export function renderedName(where: string, id: string, name: string | undefined, older?: { readonly field: string; readonly value: string | undefined }): string {
  if (name !== undefined && older?.value !== undefined && older.value !== name) {
    throw invalid(where, older.field, older.value, `the same value as name (${JSON.stringify(name)}), or only one of the two`);
  }
  return name ?? older?.value ?? id;
}
