/** The reporter's output formats, apart from the reporter: the command line lists them at every start. */
export const formats = ['text', 'json', 'github'] as const;
export type Format = (typeof formats)[number];
