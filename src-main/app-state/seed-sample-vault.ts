import { cp, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** The folder name the sample vault is copied to inside the user's documents. */
export const SAMPLE_VAULT_NAME = 'Lemma Sample Notes'

/**
 * Copies the bundled sample vault to `<documentsDir>/Lemma Sample Notes` unless that
 * folder exists already (a person's edits there are never overwritten). Returns the
 * folder's path.
 */
export async function seedSampleVault(bundledSample: string, documentsDir: string): Promise<string> {
  const target = join(documentsDir, SAMPLE_VAULT_NAME)
  try {
    await stat(target)
    return target
  } catch {
    // not there yet: copy it below
  }
  await cp(bundledSample, target, { recursive: true, errorOnExist: false, force: false })
  return target
}
