export type ModuleGraph = Map<string, string[]>;
export function moduleGraph(): Promise<ModuleGraph>;
export function findCycles(graph: ModuleGraph): string[][];
export function findLayerViolations(graph: ModuleGraph): string[];
export function findAdminMentions(): string[];
