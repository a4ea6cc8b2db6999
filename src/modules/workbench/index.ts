import type { ModuleManifest } from '../../platform/module';
import { urgeMessages } from '../../platform/urge';
import { workbenchRoutes } from './workbench.routes';

/** The home page's to-do workbench: asks every module's `workbench` source (src/platform/workbench.ts). */
export const workbenchModule: ModuleManifest = { name: 'workbench', routes: [workbenchRoutes], messages: urgeMessages };
