/** What source intake proposes and returns; shared by the decoders and the add-source dialog. */

/** Metadata read from the file itself (an HTML page's title, byline, canonical link…), for the form to propose. */
export interface SourceMetaProposal {
  title?: string;
  publisher?: string;
  author?: string;
  date?: string;
  url?: string;
  language?: string;
}

export type SourceKind = 'text' | 'markdown' | 'html';

export interface IntakenSource {
  kind: SourceKind;
  text: string;
  meta: SourceMetaProposal;
  /** How the bytes were read ("utf-16le"), for the dialog to say. */
  encoding: string;
}

export type IntakeResult = { ok: true; source: IntakenSource } | { ok: false; error: string };
