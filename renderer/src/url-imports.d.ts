/** Vite answers `import url from 'x?url'` with the asset's URL (used for the pdf.js worker). */
declare module '*?url' {
  const url: string;
  export default url;
}
