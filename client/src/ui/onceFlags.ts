/**
 * Things a browser is told once (the tour finished, a hint read), remembered in localStorage. Private
 * modes may refuse storage: the flag then reads unset and the thing shows again next time, which is the
 * harmless side to fail on.
 */
export function flagSet(key: string): boolean {
  try {
    return localStorage.getItem(key) === "1";
  } catch {
    return false;
  }
}

export function setFlag(key: string): void {
  try {
    localStorage.setItem(key, "1");
  } catch {
    // No storage: shown once more, as above.
  }
}
