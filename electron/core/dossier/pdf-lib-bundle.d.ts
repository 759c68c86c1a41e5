/** pdf-lib's single-file build (UMD); typed through pdf-lib.ts with the package's own types. */
declare module 'pdf-lib/dist/pdf-lib.min.js' {
  const lib: unknown;
  export default lib;
}
