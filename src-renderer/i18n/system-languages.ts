/** The system's preferred languages, most preferred first (`navigator.languages`, else `navigator.language`). */
export function systemLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language]
}
