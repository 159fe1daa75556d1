import type { ChatAdapter } from '../core/adapter.js';
import type { DispatchServices } from '../core/dispatch.js';
import type { HttpRoute } from '../core/feature.js';
import type { Platform } from '../core/invocation.js';
import type { Config } from '../config.js';

/**
 * What an adapter needs of the app (src/app.ts builds it): dispatch's
 * services, the config, where scheduled posts find the running platforms,
 * the features' HTTP routes, and one pass of scheduled work (the console
 * runs its own ticker). Adapters sit below the app and import only this.
 */
export interface AdapterHost extends DispatchServices {
  config: Config;
  adapters: Map<Platform, ChatAdapter>;
  routes: readonly HttpRoute[];
  tick(): Promise<void>;
}
