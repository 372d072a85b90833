// fast-levenshtein ships no types (and @types/fast-levenshtein is not installed): the one call we use.
declare module "fast-levenshtein" {
  const levenshtein: { get(a: string, b: string, options?: { useCollator?: boolean }): number };
  export default levenshtein;
}
