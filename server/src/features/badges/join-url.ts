/** The URL a delegate's badge QR code carries, and the badge prints under it. */
export const joinUrl = (publicUrl: string, token: string) => `${publicUrl}/d/${token}`;
