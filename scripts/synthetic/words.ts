/** Word stock for readable synthetic names; invented enough that no generated entity is mistaken for a real one. */

const split = (s: string): readonly string[] => s.trim().split(/\s+/);

export const FIRST_NAMES = split(`
Ada Alan Alba Alma Amos Anya Arlo Aurel Basil Bea Bruno Cara Cedric Clara Cyril Dara Dario Delia Dmitri Edda
Edgar Elio Elsa Emil Enzo Esme Ezra Fabian Fern Flora Gael Gemma Gideon Greta Hana Hector Hilde Hugo Ida Igor
Ines Ira Ivo Jana Jasper Jonas Juno Kai Kira Lars Lena Leon Lila Linus Lotte Luca Lydia Magnus Mara Marek Mila
Milo Mira Nadia Nils Nina Noor Odile Olaf Olga Omar Orla Oskar Otto Pavel Petra Pia Quinn Rafa Rhea Rosa Rufus
Saba Silas Sofia Soren Stella Tamar Tess Theo Tilda Tomas Una Uri Vera Viggo Vlad Wanda Wren Xenia Yara Yusuf
Zara Zeno Abel Agnes Anselm Beatrix Bodil Casimir Dorota Eamon Fenna Florin Greer Halvard Ilse Jorun Kasimir
Leopold Liesel Matthias Nelia Ottilie Perpetua Quentin Rosalind Sabine Tobias Ulrich Valentin Wilhelmina Yvette
`);

export const LAST_NAMES = split(`
Abernathy Albright Ancel Arkwright Ashdown Bairstow Balcombe Barlowe Beaumont Bellweather Blackwood Bramhall
Brightwater Calloway Carrow Castellan Challoner Cresswell Dalgleish Darrow Delacroix Draycott Dunmore Eastwood
Ellery Elsworth Everly Fairbanks Falkner Fenwick Fitzalan Foxley Garrick Gilmour Goldsworthy Greaves Halloran
Harcourt Hartigan Hawthorne Heywood Holloway Ingram Ivers Jellicoe Kavanagh Keswick Kingsley Lachlan Langford
Latimer Lockwood Lovell Marchbank Merriweather Montague Moorcroft Nettleton Northcott Oakley Ormsby Overton
Pemberton Penhallow Quartermain Radcliffe Ravenscroft Redfern Rookwood Rowntree Sandford Seymour Sheridan
Stanhope Stirling Strathmore Tennant Thackeray Thornbury Tremaine Underhill Vance Vandermeer Wainwright Warrick
Whitcombe Wilberforce Winterbourne Wolstenholme Yardley Yorke Zeller Achterberg Bergström Castellanos Dvořák
Eriksen Falconi Grünwald Haugen Ishikawa Jovanović Kowalczyk Lindqvist Moreau Novák Okonkwo Petrov Quispe
Rinaldi Sato Takahashi Urquhart Varga Weiss Xu Yilmaz Zielinski Abara Bianchi Chaudhry Duarte Esposito Ferreira
`);

export const SYLLABLES_START = split(
  `Val Ost Kes Mor Tal Bren Cor Dra Eld Fen Gal Hes Ior Jar Kal Lor Mar Nor Pel Quar Ros Sar Tor Ul Ver Wes Yl Zan`,
);
export const SYLLABLES_END = split(
  `oria ava ovia enia mark stan land ara esh ador ica ion ium eth orra una ania ivia`,
);

export const PLACE_STEMS = split(`
Ash Birch Black Bright Cold Crow Deer Elm Fair Fox Glen Green Hart Hazel High Iron King Lark Lime Long Marsh
Mill North Oak Old Pine Red Rose Salt Silver South Stone Swan Thorn West White Wild Wolf Yew
`);
export const PLACE_ENDS = split(`
ford bridge haven field moor wick ton bury mouth gate dale stead holm cliff brook water well port worth ley
`);
export const PLACE_KINDS = split(`Harbour Heights Junction Quay Valley Point Crossing Flats Springs Island`);

export const ORG_WORDS = split(`
Apex Arbor Atlas Beacon Bluewater Cardinal Cinder Citadel Clearwater Compass Corvid Crescent Ember Equinox
Falcon Fulcrum Granite Harbor Helix Horizon Ironclad Juniper Keystone Lantern Ledger Lighthouse Lodestar
Meridian Monarch Northwind Obsidian Orchard Paragon Pinnacle Quarry Quill Redwood Sable Sentinel Sextant
Silverline Solstice Sterling Summit Tidewater Torch Trident Vantage Vector Verdant Vertex Waypoint Zenith
`);
export const ORG_KINDS = split(`
Capital Holdings Partners Group Trust Ventures Logistics Consulting Foundation Institute Industries Energy
Shipping Advisory Securities Analytics Associates Resources Development Media
`);
export const ORG_SUFFIXES = ['Ltd', 'LLC', 'AG', 'SA', 'Inc.', 'plc', 'GmbH', 'BV'] as const;

export const EVENT_KINDS = split(`
Summit Forum Conference Meeting Gala Hearing Inquiry Election Referendum Congress Retreat Visit Dinner Briefing
Tribunal Auction Expo Signing Rally Roundtable
`);

export const FINANCIAL_KINDS = [
  'account',
  'loan',
  'bond issue',
  'wire transfer',
  'credit line',
  'escrow',
  'trust fund',
  'share sale',
  'invoice',
  'donation',
] as const;

export const DOCUMENT_KINDS = [
  'memorandum',
  'dossier',
  'annual report',
  'court filing',
  'affidavit',
  'leaked cable',
  'audit',
  'prospectus',
  'white paper',
  'contract',
] as const;

export const MEDIA_TITLES = split(
  `Herald Gazette Courier Chronicle Observer Ledger Post Tribune Dispatch Sentinel Review Bulletin`,
);
export const MEDIA_KINDS = ['TV', 'Radio', 'News', 'Report', 'Wire'] as const;

export const ROLES = [
  'banker',
  'lawyer',
  'diplomat',
  'minister',
  'lobbyist',
  'journalist',
  'consultant',
  'businessman',
  'businesswoman',
  'investor',
  'official',
  'adviser',
  'judge',
  'senator',
  'analyst',
] as const;

export const MONTHS = split(
  `January February March April May June July August September October November December`,
);

export const FILLER_SUBJECTS = split(`
committee spokesperson registry auditor ministry board tribunal commission regulator court council office
`);
export const FILLER_VERBS = [
  'declined to comment on',
  'did not respond to questions about',
  'published a summary of',
  'reviewed',
  'noted the timing of',
  'asked for records concerning',
  'scheduled a hearing on',
  'returned to the question of',
] as const;
export const FILLER_OBJECTS = [
  'the payments',
  'the earlier filings',
  'the schedule of meetings',
  'the disputed contract',
  'the correspondence',
  'the ownership structure',
  'the travel records',
  'the audit findings',
] as const;
