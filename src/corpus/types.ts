import type { Document } from '@langchain/core/documents';

export interface DocumentMetadata {
  /** Path relative to its corpus folder, without extension: the id users and evaluations name. */
  id: string;
  title: string;
  /** YYYY-MM-DD, or null when the document states none. */
  date: string | null;
  /** When its rules take effect (施行), when the document states it. */
  effectiveDate: string | null;
  /** The body that issued it (国务院, 浙江省人民代表大会常务委员会, 国家邮政局), when the document states it. */
  issuer: string | null;
  /** Its order or document number (国务院令第697号, 国邮发〔2020〕12号), when it carries one. */
  documentNumber: string | null;
  /** Publisher or source when the document states one; else its issuer. */
  source: string | null;
  /** Where the rules it states apply: 全国, or the province or municipality (浙江省, 重庆市). */
  scope: string;
  /** Path of the file as it was read. */
  path: string;
  categories: string[];
  /** The web address it was fetched from (front matter `sourceUrl`): citations link to it. */
  sourceUrl: string | null;
  /** For an attachment fetched with a web page: that page's address (front matter `attachedTo`). */
  attachedTo: string | null;
}

/** A cleaned document: `pageContent` is the text as written (original script), one paragraph a line. */
export type CorpusDocument = Document<DocumentMetadata>;
