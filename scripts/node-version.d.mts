export declare const START_NODE: string;
export declare function olderThan(version: string, minimum: string): boolean;
