/**
 * pdf-lib 1.17.1 for the dossier engine, loaded from its single-file build: the package's CommonJS entry is some
 * 300 modules, and under tsx each goes through the loader hooks (~0.4 s of every `juanzong assemble` start);
 * the bundle is one file (~0.05 s). Same version, same API, types from the package. Every dossier module
 * imports pdf-lib from here, so `instanceof` checks see one set of classes (the parser speed fixes of
 * pdf-lib-patches.ts are installed on these classes when an assembly or an inspection starts).
 */
import type * as PdfLib from 'pdf-lib';
import bundle from 'pdf-lib/dist/pdf-lib.min.js';

const lib = bundle as typeof PdfLib;

export const {
  PDFArray,
  PDFBool,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFObjectParser,
  PDFPageTree,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFStreamParsingError,
  PDFString,
  degrees,
  grayscale,
  rgb,
} = lib;

export type PDFArray = PdfLib.PDFArray;
export type PDFContext = PdfLib.PDFContext;
export type PDFDict = PdfLib.PDFDict;
export type PDFDocument = PdfLib.PDFDocument;
export type PDFFont = PdfLib.PDFFont;
export type PDFName = PdfLib.PDFName;
export type PDFNumber = PdfLib.PDFNumber;
export type PDFObject = PdfLib.PDFObject;
export type PDFPage = PdfLib.PDFPage;
export type PDFRawStream = PdfLib.PDFRawStream;
export type PDFRef = PdfLib.PDFRef;
export type PDFStream = PdfLib.PDFStream;
