declare module 'hyphen/nl/index.js' {
  interface Options {
    hyphenChar?: string;
    minWordLength?: number;
  }
  const hyphen: { hyphenateSync(text: string, options?: Options): string };
  export default hyphen;
}
