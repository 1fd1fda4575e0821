// How a meeting speaks and dates its papers, set when it is created: the form of address its views
// use, the time zone of every time they show, and the header of its minutes. A Party committee
// says "đồng chí"; a People's Council "đại biểu"; a public assembly "quý vị".

/**
 * How the views address a member and count members, in Vietnamese: `dong-chi` ("đồng chí", a
 * Party body), `dai-bieu` ("đại biểu", a People's Council or a congress), `quy-vi` ("quý vị", a
 * gathering of outsiders, counted as "người"). English says "you" and "members" for all three.
 */
export const ADDRESS_FORMS = ['dong-chi', 'dai-bieu', 'quy-vi'] as const;

/** One of {@link ADDRESS_FORMS}. */
export type AddressForm = (typeof ADDRESS_FORMS)[number];

/**
 * The header of the meeting's papers (the counting minutes), as a Party or state document prints it:
 *
 *     ĐẢNG BỘ TỈNH BẮC NINH                ĐẢNG CỘNG SẢN VIỆT NAM
 *     BAN CHẤP HÀNH                          ─────────────
 *           *                      Bắc Ninh, ngày 26 tháng 11 năm 2026
 */
export interface DocumentHeader {
  /**
   * The left block, top down: the body above, then the body issuing the paper ("ĐẢNG BỘ TỈNH BẮC
   * NINH", "BAN CHẤP HÀNH"). Printed as written; empty prints dotted lines to fill in by hand.
   */
  readonly issuer: readonly string[];
  /**
   * The right block: "ĐẢNG CỘNG SẢN VIỆT NAM" for a Party body, or "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
   * NAM" and "Độc lập - Tự do - Hạnh phúc" for a state body. Empty prints nothing there.
   */
  readonly national: readonly string[];
  /** The place of the place-and-date line ("Bắc Ninh, ngày …"); empty prints a dotted line. */
  readonly place: string;
}

/** A meeting's settings: see the module comment. */
export interface MeetingSettings {
  readonly address: AddressForm;
  /** An IANA time zone ("Asia/Ho_Chi_Minh"): every time any view shows is in it. */
  readonly timeZone: string;
  readonly header: DocumentHeader;
}

/** Most of the header lines a block may have, and the longest line. */
export const MAX_HEADER_LINES = 3;
export const MAX_HEADER_CHARS = 120;

/** The settings of a meeting that named none (and of every meeting stored before they existed). */
export const DEFAULT_MEETING_SETTINGS: MeetingSettings = {
  address: 'dong-chi',
  timeZone: 'Asia/Ho_Chi_Minh',
  header: { issuer: [], national: ['ĐẢNG CỘNG SẢN VIỆT NAM'], place: '' },
};

/** Whether `zone` is a time zone this runtime knows (what Intl accepts, it can show times in). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Settings as stored or sent, with every part a meeting left out taken from the defaults. */
export function meetingSettings(
  partial: { readonly [K in keyof MeetingSettings]?: MeetingSettings[K] | undefined } | null | undefined,
): MeetingSettings {
  return {
    address: partial?.address ?? DEFAULT_MEETING_SETTINGS.address,
    timeZone: partial?.timeZone ?? DEFAULT_MEETING_SETTINGS.timeZone,
    header: partial?.header ?? DEFAULT_MEETING_SETTINGS.header,
  };
}
