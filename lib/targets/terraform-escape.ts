/**
 * Escapes text for a Terraform string: `${` → `$${` and `%{` → `%%{`, so a dashboard's `${DS_PROMETHEUS}` or an
 * annotation's `${x}` arrives in the file unchanged instead of being read as Terraform interpolation.
 */
export function escapeTerraformTemplate(text: string): string {
  // Most rendered files hold neither sequence: skip the two regex passes (and their copies) for them.
  if (!text.includes('${') && !text.includes('%{')) return text;
  // Replacement functions, not strings: in a replacement string `$$` itself means one `$`.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}
