import { useCallback, useSyncExternalStore } from 'react';

// Display preferences are the user's, on this browser (decision 42): stored as JSON in localStorage under a key
// holding the user's id, so people sharing a browser keep their own.
const storageKey = (name: string, userId: string) => `sync-admin:${name}:${userId}`;
const listeners = new Set<() => void>();

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

function readStored(key: string | null): string | null {
  if (key === null) return null;
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function safeParse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * A user's preference `name` and a way to change it (null forgets it). `normalize` cleans what is stored (it gets
 * null when nothing is) into a valid value. Without a user (signed out) it is the default, and cannot be changed.
 */
export function useUserPreference<T>(name: string, userId: string | null, normalize: (stored: unknown) => T) {
  const key = userId === null ? null : storageKey(name, userId);
  // The raw string is the snapshot: it is stable between renders, a parsed value would not be.
  const stored = useSyncExternalStore(subscribe, () => readStored(key));
  const value = normalize(safeParse(stored));
  const setValue = useCallback((next: T | null) => {
    if (key === null) return;
    try {
      if (next === null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(next));
    } catch {
      // Storage refused (private mode, quota): the page keeps what it shows.
    }
    listeners.forEach((listener) => listener());
  }, [key]);
  return [value, setValue] as const;
}
