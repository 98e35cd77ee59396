export function sourceStamp(root: string): string;
export function sourceFiles(root: string): string[];
export function filesUnder(entry: string): string[];
