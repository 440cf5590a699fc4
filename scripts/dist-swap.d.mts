/** Types of `dist-swap.mjs`, for the tests. */
export declare const DIST: string;
export declare function newBuildFolder(dist?: string): string;
export declare function swapIn(folder: string, dist?: string): void;
export declare function removeOldBuilds(dist?: string, keep?: number, remove?: (path: string) => void): string[];
export declare function running(pid: number): boolean;
