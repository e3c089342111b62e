// pdfjs-dist ships no types for its worker module; the reader only registers it (pdf.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
