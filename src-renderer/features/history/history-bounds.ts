/**
 * A history bound typed in the settings: a whole number from `min` to `max`
 * (surrounding spaces allowed), or null for anything else (blank, fractions,
 * exponents, out of range).
 */
export function parseBound(text: string, min: number, max: number): number | null {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return null
  const value = Number(trimmed)
  return value >= min && value <= max ? value : null
}
