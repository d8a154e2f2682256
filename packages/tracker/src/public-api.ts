import { type Classification, topArchetype } from '@auraflow/taxonomy';
import { type AuraflowApi, type AuraflowSnapshot, READY_EVENT } from './auraflow-api.js';
import { safe } from './safe.js';

export interface PublicApiHandle {
  notify(): void;
  remove(): void;
}

/**
 * Defines `window.auraflow` over the current derived state returned by `read`. `notify` tells
 * the theme's listeners about a meaningful change; `remove` takes the API away again.
 */
export function exposePublicApi(read: () => Classification | null): PublicApiHandle {
  const listeners = new Set<(snapshot: AuraflowSnapshot) => void>();
  const api: AuraflowApi = {
    archetype: () => {
      const state = read();
      return state ? topArchetype(state.probabilities) : null;
    },
    probabilities: () => read()?.probabilities ?? null,
    confidence: () => read()?.confidence ?? null,
    onChange: (listener: (snapshot: AuraflowSnapshot) => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };

  window.auraflow = api;
  document.dispatchEvent(new Event(READY_EVENT));

  return {
    notify() {
      const state = read();
      if (!state) return;

      const snapshot = { archetype: topArchetype(state.probabilities), ...state };
      for (const listener of listeners) safe(listener)(snapshot);
    },
    remove() {
      listeners.clear();
      if (window.auraflow === api) delete window.auraflow;
    },
  };
}
